// The input of a raw request (`<api>.request({ method, path, query, headers, body })`) for the operation its path
// matched. Values taken from the path are text; each becomes the type its parameter's schema declares. Headers
// match the operation's header parameters case-insensitively; the host's own headers are refused by name.
import type { JsonSchema, OperationSpec } from '../artifacts.ts'
import type { OwnedSlots } from './host-owned-slots.ts'
import { resolveSchemaRef } from './resolve-schema-ref.ts'

export interface RawRequest {
  method: string
  path: string
  query?: Record<string, unknown>
  headers?: Record<string, unknown>
  body?: unknown
}

/** Path parameters, then the path's own query string, then the explicit query (which wins), headers and body. */
export function rawRequestInput(
  op: OperationSpec,
  pathParams: Record<string, string>,
  req: RawRequest,
  schemas: Record<string, JsonSchema>,
  owned: OwnedSlots,
): { input: Record<string, unknown> } | { error: string } {
  const declared = ((op.input as JsonSchema).properties ?? {}) as Record<string, JsonSchema>
  // Own keys only, and a Map: a query string's "constructor" or "__proto__" is a name like any other, refused later as
  // one the operation does not take, never an inherited schema or a prototype.
  const props = (name: string) => (Object.hasOwn(declared, name) ? declared[name] : undefined)
  const fromPath = new Map<string, unknown>()
  const at = req.path.indexOf('?')
  const search = new URLSearchParams(at >= 0 ? req.path.slice(at + 1).split('#')[0] : '')
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name)
    const schema = resolved(props(name), schemas)
    const many = values.length > 1 || typesOf(schema)?.includes('array')
    fromPath.set(name, many ? values.map((v) => coerce(v, resolved(schema?.items as JsonSchema | undefined, schemas))) : coerce(values[0] as string, schema))
  }
  for (const [name, value] of Object.entries(pathParams)) fromPath.set(name, coerce(value, resolved(props(name), schemas)))
  const headers = headerParams(op, record(req.headers), owned)
  if ('error' in headers) return headers
  return { input: { ...Object.fromEntries(fromPath), ...record(req.query), ...headers.params, ...(req.body !== undefined ? { body: req.body } : {}) } }
}

/** Each header under its parameter's own name; Accept, and a Content-Type that agrees with the body's, are the host's to set and are dropped. */
function headerParams(op: OperationSpec, headers: Record<string, unknown>, owned: OwnedSlots): { params: Record<string, unknown> } | { error: string } {
  const params: Record<string, unknown> = {}
  const declared = op.params.filter((p) => p.in === 'header')
  for (const [key, value] of Object.entries(headers)) {
    const lower = key.toLowerCase()
    const param = declared.find((p) => p.name.toLowerCase() === lower)
    if (owned.header.has(lower))
      return {
        error: `headers["${key}"]: the host sets ${key} itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs`,
      }
    if (param) params[param.name] = value
    else if (lower === 'accept') continue
    else if (lower === 'content-type' && op.body && sameMediaType(String(value), op.body.mediaType)) continue
    else if (lower === 'content-type')
      return {
        error: `headers["${key}"]: ${op.body ? `this operation's body is sent as ${op.body.mediaType}, and the host sets Content-Type` : 'this operation takes no body'}; remove it`,
      }
    else {
      const accepted = declared.map((p) => p.name).join(', ')
      return { error: `headers["${key}"] is not a header of ${op.method} ${op.path}; ${accepted ? `it accepts ${accepted}` : 'it accepts no headers'}` }
    }
  }
  return { params }
}

const sameMediaType = (a: string, b: string) => a.split(';')[0]!.trim().toLowerCase() === b.split(';')[0]!.trim().toLowerCase()

/** The text as an integer, number or boolean when the schema asks for one and the text is one; otherwise the text. */
function coerce(text: string, schema: JsonSchema | undefined): unknown {
  const types = typesOf(schema)
  if (!types || types.includes('string')) return text
  if (types.includes('integer') && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text)
  if (types.includes('number') && /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return Number(text)
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

function resolved(schema: JsonSchema | undefined, schemas: Record<string, JsonSchema>): JsonSchema | undefined {
  let node = schema
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 8; hops++) node = resolveSchemaRef(node.$ref, schemas)
  return node
}

function typesOf(schema: JsonSchema | undefined): string[] | undefined {
  if (typeof schema?.type === 'string') return [schema.type]
  return Array.isArray(schema?.type) ? (schema.type as string[]) : undefined
}

const record = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {})
