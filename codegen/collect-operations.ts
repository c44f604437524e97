// Stage 3: walk `paths` into one record per operation, with parameters merged from the path item and every
// location, style and body media type the host will need to build the request.
import type { BodySpec, JsonSchema, OperationSpec, ParamLocation, ParamSpec } from '../src/artifacts.ts'
import { deref, type Json } from './resolve-ref.ts'
import { pointerOf, type SpecProblem } from './spec-error.ts'

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** An operation as found in the spec: the operation table's row, before naming, with the schemas still attached. */
export interface CollectedOperation extends Omit<OperationSpec, 'name' | 'input' | 'params' | 'body'> {
  params: (ParamSpec & { schema: JsonSchema; description?: string })[]
  body?: BodySpec & { schema: JsonSchema }
  /** Status code and media type of the success response that the SDK method resolves to. */
  result?: { status: string; mediaType: string }
}

const LOCATIONS = new Set<ParamLocation>(['path', 'query', 'header', 'cookie'])
const BODY_PREFERENCE = [/^application\/json$/i, /\+json$/i, /json/i, /^application\/x-www-form-urlencoded$/i, /^multipart\//i, /^application\/octet-stream$/i]

/** Collects every operation; problems that make one operation unservable are reported and the operation skipped. */
export function collectOperations(doc: Json, problems: SpecProblem[]): CollectedOperation[] {
  const paths = (doc.paths ?? {}) as Json
  const globalSecurity = doc.security as Json[] | undefined
  const ops: CollectedOperation[] = []
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref<Json>(doc, rawItem)
    if (!item || typeof item !== 'object') continue
    const shared = asArray(item.parameters)
    for (const method of HTTP_METHODS) {
      const op = deref<Json>(doc, item[method])
      if (!op || typeof op !== 'object') continue
      const pointer = pointerOf('paths', path, method)
      const params = mergeParams(doc, shared, asArray(op.parameters), pointer, problems)
      for (const name of path.match(/\{([^}]+)\}/g) ?? []) {
        const bare = name.slice(1, -1)
        if (!params.some((p) => p.in === 'path' && p.name === bare)) {
          problems.push({ pointer, message: `path parameter "${bare}" is not declared; treating it as a required string`, fix: `add { name: ${bare}, in: path, required: true }` })
          params.push({ name: bare, in: 'path', required: true, schema: { type: 'string' } })
        }
      }
      ops.push({
        operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
        pointer,
        method: method.toUpperCase(),
        path,
        // One line: a summary is printed as part of a result's line ("Follow Playlist\n" in Spotify's spec).
        summary: str(op.summary)?.replace(/\s+/g, ' ').trim() || undefined,
        description: str(op.description),
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : undefined,
        deprecated: op.deprecated === true || undefined,
        params,
        body: collectBody(doc, op.requestBody),
        result: pickResult(doc, op.responses),
        security: securityRequirements((op.security as Json[] | undefined) ?? globalSecurity),
        scopes: securityScopes((op.security as Json[] | undefined) ?? globalSecurity),
      })
    }
  }
  return ops
}

function mergeParams(doc: Json, shared: unknown[], own: unknown[], pointer: string, problems: SpecProblem[]) {
  const byKey = new Map<string, CollectedOperation['params'][number]>()
  for (const [index, raw] of [...shared, ...own].entries()) {
    const p = deref<Json>(doc, raw)
    if (!p || typeof p.name !== 'string' || !LOCATIONS.has(p.in as ParamLocation)) {
      problems.push({
        pointer: `${pointer}/parameters/${index}`,
        message: 'parameter has no valid name or location; skipped',
        fix: 'give it `name` and `in: path|query|header|cookie`',
      })
      continue
    }
    const content = p.content as Json | undefined
    const schema = (p.schema ?? (content && (Object.values(content)[0] as Json | undefined)?.schema) ?? {}) as JsonSchema
    const fixed = p.in === 'header' && p.required === true ? fixedValue(schema) : undefined
    byKey.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in as ParamLocation,
      required: p.in === 'path' || (p.required === true && fixed === undefined),
      ...(fixed === undefined ? {} : { default: fixed }),
      style: str(p.style),
      explode: typeof p.explode === 'boolean' ? p.explode : undefined,
      schema,
      description: str(p.description),
    })
  }
  return [...byKey.values()]
}

/** The one value a required header can take, or the value the spec gives it by default. */
function fixedValue(schema: JsonSchema): string | undefined {
  const only = Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined
  const value = only ?? schema.default
  return typeof value === 'string' && /^[\x20-\x7e]+$/.test(value) ? value : undefined
}

function collectBody(doc: Json, raw: unknown): CollectedOperation['body'] {
  const body = deref<Json>(doc, raw)
  const content = body?.content as Json | undefined
  if (!body || !content) return undefined
  const mediaType = pickMediaType(Object.keys(content))
  if (!mediaType) return undefined
  const schema = ((content[mediaType] as Json | undefined)?.schema ?? {}) as JsonSchema
  // A required JSON body that can hold nothing (no schema, or an object with no properties): 161 Cloudflare
  // DELETEs say so. The model may leave it out, and the host sends {} as the spec asks.
  if (body.required === true && /json/i.test(mediaType) && isEmptySchema(schema)) return { mediaType, required: false, emptyWhenOmitted: true, schema }
  return { mediaType, required: body.required === true, schema }
}

function isEmptySchema(schema: JsonSchema): boolean {
  const keys = Object.keys(schema).filter((k) => !['type', 'description', 'title', 'example', 'examples'].includes(k))
  return keys.length === 0 && (schema.type === undefined || schema.type === 'object')
}

function pickResult(doc: Json, raw: unknown): CollectedOperation['result'] {
  const responses = (raw ?? {}) as Json
  const status =
    Object.keys(responses)
      .sort()
      .find((code) => /^2(\d\d|XX)$/i.test(code)) ?? (responses.default ? 'default' : undefined)
  if (!status) return undefined
  const content = deref<Json>(doc, responses[status])?.content as Json | undefined
  const mediaType = content && pickMediaType(Object.keys(content))
  return mediaType ? { status, mediaType } : undefined
}

function pickMediaType(types: string[]): string | undefined {
  for (const pattern of BODY_PREFERENCE) {
    const hit = types.find((t) => pattern.test(t))
    if (hit) return hit
  }
  return types[0]
}

/** Security Requirement Objects as alternatives, each the scheme names it needs together; `[]` needs none. */
function securityRequirements(requirements: Json[] | undefined): string[][] | undefined {
  if (!Array.isArray(requirements)) return undefined
  return requirements.filter((r) => r && typeof r === 'object' && !Array.isArray(r)).map((r) => Object.keys(r))
}

/** The scopes each alternative lists (for its oauth2 or OpenID Connect schemes), aligned with `security`; undefined when none lists any. */
function securityScopes(requirements: Json[] | undefined): string[][] | undefined {
  if (!Array.isArray(requirements)) return undefined
  const scopes = requirements
    .filter((r) => r && typeof r === 'object' && !Array.isArray(r))
    .map((r) => [...new Set(Object.values(r).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])))])
  return scopes.some((s) => s.length) ? scopes : undefined
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined)
