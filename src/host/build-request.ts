// Turns an operation and its validated input into an HTTP request: path template filled, query serialized by
// parameter style (OpenAPI 3 "Parameter Object" styles), headers and cookies set, body encoded by media type.
// The request is the operation checked: each path parameter fills one segment, the origin and base path stay the
// configured ones, header values stay one line, and no parameter lands in a slot the host owns (the credential's).
import type { OperationSpec, ParamSpec } from '../artifacts.ts'
import { checkPathValue } from './check-path-value.ts'
import { type OwnedSlots, ownedSlotError } from './host-owned-slots.ts'

/** What a request body can be here; named, not BodyInit, so Node-side tests typecheck too. */
export type RequestBody = string | FormData | Uint8Array

export interface BuiltRequest {
  url: URL
  init: { method: string; headers: Headers; body?: RequestBody }
}

const NO_SLOTS: OwnedSlots = { header: new Set(), query: new Set(), cookie: new Set() }

/** Builds the request, or says which parameter would change what is sent. The caller adds the credential. */
export function buildRequest(baseUrl: string, op: OperationSpec, input: Record<string, unknown>, owned: OwnedSlots = NO_SLOTS): BuiltRequest | { error: string } {
  const url = new URL(baseUrl)
  const base = { origin: url.origin, path: url.pathname.replace(/\/$/, '') }
  const headers = new Headers()
  const cookies: string[] = []
  const query: [string, string][] = []
  const segments = new Map<string, string>()
  for (const p of op.params) {
    const value = input[p.name] ?? (p.in === 'header' && !owned.header.has(p.name.toLowerCase()) ? fixedHeader(p) : undefined)
    if (value === undefined) continue
    const text = simple(value)
    if (p.in === 'path') {
      const problem = checkPathValue(p.name, text)
      if (problem) return { error: problem }
      segments.set(p.name, encodeURIComponent(text))
    } else if (p.in === 'query') query.push(...serializeQuery(p, value))
    else if (p.in === 'header') {
      if (owned.header.has(p.name.toLowerCase())) return { error: ownedSlotError('header', p.name) }
      if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(text)) return { error: `header ${p.name} must be one line of printable text (no line breaks, NUL or characters beyond Latin-1)` }
      headers.set(p.name, text)
    } else {
      if (owned.cookie.has(p.name.toLowerCase())) return { error: ownedSlotError('cookie', p.name) }
      cookies.push(`${p.name}=${encodeURIComponent(text)}`)
    }
  }
  for (const [name] of query) if (owned.query.has(name.toLowerCase())) return { error: ownedSlotError('query parameter', name) }
  const missing = [...op.path.matchAll(/\{([^}]+)\}/g)].find((m) => !segments.has(m[1] as string))
  if (missing) return { error: `${missing[1]} is required: it fills a segment of the path ${op.path}` }
  // A function replacer: a value's "$&" or "$'" must not be read as a replacement pattern.
  const expected = `${base.path}${op.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => segments.get(name) as string)}`
  url.pathname = expected
  if (!sameSegments(url.pathname, expected) || url.origin !== base.origin)
    return { error: `the path would not keep the shape of ${op.method} ${op.path} (it became ${url.pathname}); check the path parameters` }
  for (const [k, v] of query) url.searchParams.append(k, v)
  if (cookies.length) headers.set('cookie', cookies.join('; '))
  const init: BuiltRequest['init'] = { method: op.method, headers }
  const body = input.body === undefined && op.body?.emptyWhenOmitted ? {} : input.body
  if (op.body && body !== undefined) {
    const encoded = encodeBody(op.body.mediaType, body)
    init.body = encoded
    // FormData sets its own multipart boundary.
    if (!(encoded instanceof FormData)) headers.set('content-type', op.body.mediaType)
  }
  if (!headers.has('accept')) headers.set('accept', USUAL_ACCEPT)
  return { url, init }
}

/** The URL parser may percent-encode a template's literal text, but must not add, drop or move a segment. */
function sameSegments(actual: string, expected: string): boolean {
  const a = actual.split('/')
  const b = expected.split('/')
  return a.length === b.length && a.every((segment, i) => segment === b[i] || safeDecode(segment) === safeDecode(b[i] as string))
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function simple(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',')
  if (value && typeof value === 'object') return Object.entries(value).flat().map(String).join(',')
  return String(value)
}

function serializeQuery(p: ParamSpec, value: unknown): [string, string][] {
  const style = p.style ?? 'form'
  const explode = p.explode ?? style === 'form'
  if (Array.isArray(value)) {
    if (explode) return value.map((v) => [p.name, String(v)])
    const sep = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','
    return [[p.name, value.map(String).join(sep)]]
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (style === 'deepObject') return entries.map(([k, v]) => [`${p.name}[${k}]`, typeof v === 'object' ? JSON.stringify(v) : String(v)])
    if (explode) return entries.map(([k, v]) => [k, String(v)])
    return [[p.name, entries.flat().map(String).join(',')]]
  }
  return [[p.name, String(value)]]
}

function encodeBody(mediaType: string, body: unknown): RequestBody {
  if (/json/i.test(mediaType)) return JSON.stringify(body)
  if (/x-www-form-urlencoded/i.test(mediaType)) return new URLSearchParams(flattenForm(body)).toString()
  if (/^multipart\//i.test(mediaType)) {
    const form = new FormData()
    for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v))
    return form
  }
  if (typeof body === 'string') return body
  if (Array.isArray(body) && body.every((b) => typeof b === 'number')) return new Uint8Array(body)
  return JSON.stringify(body)
}

/** Stripe-style bracket notation for nested form fields: { a: { b: 1 } } -> a[b]=1. */
function flattenForm(body: unknown, prefix = ''): [string, string][] {
  if (body === null || body === undefined) return []
  if (typeof body !== 'object') return [[prefix, String(body)]]
  const entries = Array.isArray(body) ? body.map((v, i) => [String(i), v] as const) : Object.entries(body)
  return entries.flatMap(([k, v]) => flattenForm(v, prefix ? `${prefix}[${k}]` : k))
}

const USUAL_ACCEPT = 'application/json, */*;q=0.5'
const AFTER_VERSIONED_ACCEPT = 'application/json;q=0.9, */*;q=0.5'

/** The value the host sends for a header the spec fixes. A versioning Accept ("application/vnd.x+json;version=2") still
 * takes JSON after it: specs that require one often declare their responses as plain application/json. */
function fixedHeader(p: OperationSpec['params'][number]): string | undefined {
  if (p.default === undefined || p.name.toLowerCase() !== 'accept' || /(^|,)\s*application\/json\s*(;|,|$)/i.test(p.default)) return p.default
  return `${p.default}, ${AFTER_VERSIONED_ACCEPT}`
}
