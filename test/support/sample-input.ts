// Plausible inputs for one operation, as a careful agent would write them from the signature: every required
// parameter and, when the body is required, its required fields, each from the schema's own example, enum or
// default where it gives one, otherwise a simple value of the right type and format. Used by the corpus test to
// call operations of specs it has never seen, and by the token benchmark's mechanical agent.
import type { JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { resolveSchemaRef as resolve } from '../../src/host/resolve-schema-ref.ts'

const MAX_DEPTH = 12

/** Builds the single input object for a call: required parameters by name, the required body under `body`. */
export function sampleInput(op: OperationSpec, schemas: Record<string, JsonSchema>): Record<string, unknown> {
  const properties = (op.input.properties ?? {}) as Record<string, JsonSchema>
  const required = (op.input.required ?? []) as string[]
  const input: Record<string, unknown> = {}
  for (const key of required) input[key] = sampleValue(properties[key] ?? {}, schemas, key, 0)
  return input
}

/** A value that satisfies the schema's type, format, bounds and required fields, preferring its own examples. */
function sampleValue(schema: JsonSchema, schemas: Record<string, JsonSchema>, name: string, depth: number): unknown {
  if (depth > MAX_DEPTH || !schema || typeof schema !== 'object') return 'example'
  if (typeof schema.$ref === 'string') return sampleValue(resolve(schema.$ref, schemas) ?? {}, schemas, name, depth + 1)
  if (schema.example !== undefined && fits(schema.example, schema)) return schema.example
  if (Array.isArray(schema.examples) && schema.examples.length && fits(schema.examples[0], schema)) return schema.examples[0]
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v) => v !== null) ?? schema.enum[0]
  if (schema.const !== undefined) return schema.const
  if (schema.default !== undefined && schema.default !== null) return schema.default
  if (Array.isArray(schema.allOf)) {
    // Object parts merge (flatten); an allOf that wraps one array or scalar schema is that schema.
    const parts = (schema.allOf as JsonSchema[]).map((part) => sampleValue(part, schemas, name, depth + 1))
    return parts.every(isObject) ? sampleObject(schema, schemas, depth) : parts[0]
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const first = (schema[key] as JsonSchema[] | undefined)?.[0]
    if (first) return sampleValue(first, schemas, name, depth + 1)
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined)
  if (type === 'object' || (!type && schema.properties)) return sampleObject(schema, schemas, depth)
  if (type === 'array') {
    const count = Math.max(1, Number(schema.minItems ?? 1))
    return Array.from({ length: count }, () => sampleValue((schema.items ?? {}) as JsonSchema, schemas, name, depth + 1))
  }
  if (type === 'integer' || type === 'number') return Number(schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1))
  if (type === 'boolean') return true
  return sampleString(schema, name)
}

function sampleObject(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth: number): Record<string, unknown> {
  const { properties, required } = flatten(schema, schemas, depth)
  const out: Record<string, unknown> = {}
  for (const key of required) out[key] = sampleValue(properties[key] ?? {}, schemas, key, depth + 1)
  return out
}

/** Properties and required names of an object schema, its `allOf` parts merged in (they may sit on either side). */
function flatten(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth: number): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties = { ...((schema.properties ?? {}) as Record<string, JsonSchema>) }
  const required = new Set((schema.required ?? []) as string[])
  for (const raw of (schema.allOf ?? []) as JsonSchema[]) {
    const part = typeof raw.$ref === 'string' ? resolve(raw.$ref, schemas) : raw
    if (!part || depth > MAX_DEPTH) continue
    const inner = flatten(part, schemas, depth + 1)
    Object.assign(properties, inner.properties)
    for (const key of inner.required) required.add(key)
  }
  return { properties, required: [...required] }
}

/** True when an example has the schema's declared type, so a stringified JSON example is not sent as an object. */
function fits(value: unknown, schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : []
  if (!types.length) return !isObject(value)
  return types.some((t) =>
    t === 'integer' ? Number.isInteger(value) : t === 'array' ? Array.isArray(value) : t === 'object' ? isObject(value) : t === 'null' ? value === null : typeof value === t,
  )
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'date-time':
      return '2026-01-01T00:00:00Z'
    case 'date':
      return '2026-01-01'
    case 'email':
      return 'user@example.com'
    case 'uri':
    case 'url':
      return 'https://example.com'
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6'
    case 'ipv4':
      return '192.0.2.1'
    case 'ipv6':
      return '2001:db8::1'
  }
  const min = Number(schema.minLength ?? 0)
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY)
  const base = name.replace(/[^A-Za-z0-9]/g, '') || 'example'
  return base.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, base.length)))
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
