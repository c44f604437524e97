// Checks a call's input against the operation's JSON Schema before anything is sent. Covers the OpenAPI subset
// that decides whether a request is well-formed (types, required, enums, composition, bounds) and names the
// field path in every message. `$ref`s resolve lazily against the API's schema table, so cycles cost nothing.
import type { JsonSchema } from '../artifacts.ts'
import { editDistance } from '../edit-distance.ts'
import { resolveSchemaRef as resolve } from './resolve-schema-ref.ts'

const MAX_ERRORS = 5
const MAX_DEPTH = 40

/** Returns human-readable problems, empty when the input is acceptable. */
export function validateInput(input: unknown, schema: JsonSchema, schemas: Record<string, JsonSchema>): string[] {
  const errors: string[] = []
  const top = schema.properties as Record<string, JsonSchema>
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    return [`input must be an object like { ${Object.keys(top).slice(0, 4).join(', ')}${Object.keys(top).length ? ' ' : ''}}; got ${describe(input)}`]
  }
  const given = (input ?? {}) as Record<string, unknown>
  for (const key of Object.keys(given)) {
    if (!Object.hasOwn(top, key)) errors.push(`unknown field "${key}"; ${suggest(key, Object.keys(top))}`)
  }
  for (const key of (schema.required as string[]) ?? []) {
    if (given[key] === undefined) errors.push(`${key} is required`)
  }
  for (const [key, sub] of Object.entries(top)) {
    if (given[key] !== undefined) check(given[key], sub, key, schemas, errors, 0)
  }
  return errors.slice(0, MAX_ERRORS)
}

function check(value: unknown, schema: JsonSchema, at: string, schemas: Record<string, JsonSchema>, errors: string[], depth: number): void {
  if (errors.length >= MAX_ERRORS || depth > MAX_DEPTH || !schema || typeof schema !== 'object') return
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, schemas)
    if (target) check(value, target, at, schemas, errors, depth + 1)
    return
  }
  if (value === null && (schema.nullable === true || typeIncludes(schema, 'null'))) return
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as JsonSchema[]) check(value, s, at, schemas, errors, depth + 1)
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as JsonSchema[] | undefined
    if (!Array.isArray(options) || options.length === 0) continue
    const tries = options.map((option) => ({ option, errors: errorsFor(value, option, at, schemas, depth) }))
    if (tries.some((t) => t.errors.length === 0)) continue
    const closest = tries.reduce((a, b) => (b.errors.length < a.errors.length ? b : a))
    const title = resolveDeep(closest.option, schemas)?.title
    errors.push(`${at} matches none of the ${options.length} allowed shapes; closest${typeof title === 'string' ? ` (${title})` : ''}: ${closest.errors.slice(0, 2).join('; ')}`)
    return
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    const list = (schema.enum as unknown[])
      .slice(0, 12)
      .map((e) => JSON.stringify(e))
      .join(', ')
    errors.push(`${at} must be one of ${list}${schema.enum.length > 12 ? ', …' : ''}; got ${describe(value)}`)
    return
  }
  if ('const' in schema && schema.const !== value) {
    errors.push(`${at} must be ${JSON.stringify(schema.const)}; got ${describe(value)}`)
    return
  }
  const types = typeList(schema)
  if (types && !types.some((t) => isType(value, t))) {
    errors.push(`${at} must be ${types.join(' or ')}; got ${describe(value)}`)
    return
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${at} must be at least ${schema.minLength} characters; got ${value.length}`)
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${at} must be at most ${schema.maxLength} characters; got ${value.length}`)
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at} must be >= ${schema.minimum}; got ${value}`)
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at} must be <= ${schema.maximum}; got ${value}`)
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    for (const [i, item] of value.slice(0, 200).entries()) check(item, schema.items as JsonSchema, `${at}[${i}]`, schemas, errors, depth + 1)
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>
    const obj = value as Record<string, unknown>
    const declared = declaredProperties(schema, schemas)
    for (const key of (schema.required as string[]) ?? []) {
      // A request need not send what the server fills in (readOnly), and a `required` name that the schema never
      // declares (shared request/response schemas do this) is left for the upstream to judge.
      const prop = declared[key]
      if (obj[key] === undefined && prop && !resolveDeep(prop, schemas)?.readOnly) errors.push(`${at}.${key} is required`)
    }
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) check(v, props[key], `${at}.${key}`, schemas, errors, depth + 1)
      else if (schema.additionalProperties === false && Object.keys(props).length) errors.push(`${at}.${key} is not allowed; ${suggest(key, Object.keys(props))}`)
    }
  }
}

function errorsFor(value: unknown, schema: JsonSchema, at: string, schemas: Record<string, JsonSchema>, depth: number): string[] {
  const errors: string[] = []
  check(value, schema, at, schemas, errors, depth + 1)
  return errors
}

/** Properties declared by a schema itself and by its allOf members, one level of references deep. */
function declaredProperties(schema: JsonSchema, schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {}
  for (const part of [schema, ...((schema.allOf as JsonSchema[] | undefined) ?? [])]) {
    Object.assign(out, (resolveDeep(part, schemas)?.properties ?? {}) as Record<string, JsonSchema>)
  }
  return out
}

function resolveDeep(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 8; hops++) node = resolve(node.$ref, schemas)
  return node
}

function typeList(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type]
  if (Array.isArray(schema.type)) return schema.type as string[]
  return undefined
}

const typeIncludes = (schema: JsonSchema, t: string) => typeList(schema)?.includes(t) ?? false

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return !!value && typeof value === 'object' && !Array.isArray(value)
    case 'null':
      return value === null
    default:
      return true
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'object') return 'an object'
  const text = JSON.stringify(value) ?? String(value)
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`
}

function suggest(key: string, known: string[]): string {
  if (known.length === 0) return 'this operation takes no input'
  const close = known.filter((k) => k.toLowerCase().includes(key.toLowerCase().slice(0, 4)) || editDistance(k, key) <= 2)
  const list = (close.length ? close : known).slice(0, 8).join(', ')
  return close.length ? `did you mean ${list}?` : `expected one of: ${list}${known.length > 8 ? ', …' : ''}`
}
