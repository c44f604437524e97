// Turns an operation and its validated input into an HTTP request: path template filled, query serialized by
// parameter style (OpenAPI 3 "Parameter Object" styles), headers and cookies set, body encoded by media type.
import type { OperationSpec, ParamSpec } from '../artifacts.ts'

/** What a request body can be here; named, not BodyInit, so Node-side tests typecheck too. */
export type RequestBody = string | FormData | Uint8Array

export interface BuiltRequest {
  url: URL
  init: { method: string; headers: Headers; body?: RequestBody }
}

/** Builds the request. The caller adds the credential. */
export function buildRequest(baseUrl: string, op: OperationSpec, input: Record<string, unknown>): BuiltRequest {
  let path = op.path
  const url = new URL(baseUrl)
  const headers = new Headers()
  const cookies: string[] = []
  const query: [string, string][] = []
  for (const p of op.params) {
    const value = input[p.name]
    if (value === undefined) continue
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(simple(value)))
    else if (p.in === 'query') query.push(...serializeQuery(p, value))
    else if (p.in === 'header') headers.set(p.name, simple(value))
    else cookies.push(`${p.name}=${encodeURIComponent(simple(value))}`)
  }
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`
  for (const [k, v] of query) url.searchParams.append(k, v)
  if (cookies.length) headers.set('cookie', cookies.join('; '))
  const init: BuiltRequest['init'] = { method: op.method, headers }
  if (op.body && input.body !== undefined) {
    const encoded = encodeBody(op.body.mediaType, input.body)
    init.body = encoded
    // FormData sets its own multipart boundary.
    if (!(encoded instanceof FormData)) headers.set('content-type', op.body.mediaType)
  }
  if (!headers.has('accept')) headers.set('accept', 'application/json, */*;q=0.5')
  return { url, init }
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
