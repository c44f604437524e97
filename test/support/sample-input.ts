// Valid-looking inputs for an operation, made from its input schema alone: what a test needs to call any operation
// of a spec it has never seen. Prefers the spec's own examples, defaults and enums.
import type { JsonSchema, OperationSpec } from '../../src/artifacts.ts'

const MAX_DEPTH = 6

/** An input object with every required field of the operation filled in. */
export function sampleInput(op: OperationSpec, schemas: Record<string, JsonSchema>): Record<string, unknown> {
  const props = (op.input.properties ?? {}) as Record<string, JsonSchema>
  const out: Record<string, unknown> = {}
  for (const key of (op.input.required as string[]) ?? []) out[key] = sampleValue(props[key] ?? {}, schemas, 0)
  return out
}

/** A value that satisfies the schema's type, enum, const and required properties, as far as a sample can. */
export function sampleValue(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth: number): unknown {
  if (depth > MAX_DEPTH || !schema || typeof schema !== 'object') return 'x'
  if (typeof schema.$ref === 'string') {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1]
    return sampleValue((name && schemas[decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~')]) || {}, schemas, depth + 1)
  }
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((e) => e !== null) ?? schema.enum[0]
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example
  if (schema.default !== undefined && typeof schema.default !== 'object') return schema.default
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const options = schema[key] as JsonSchema[] | undefined
    if (Array.isArray(options) && options.length) {
      if (key !== 'allOf') return sampleValue(options[0] as JsonSchema, schemas, depth + 1)
      const parts = options.map((s) => sampleValue(s, schemas, depth + 1))
      return parts.every((p) => p && typeof p === 'object' && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0]
    }
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined)
  switch (type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1
    case 'boolean':
      return true
    case 'array':
      return [sampleValue((schema.items ?? {}) as JsonSchema, schemas, depth + 1)]
    case 'object':
      return sampleObject(schema, schemas, depth)
    default:
      return sampleString(schema)
  }
}

function sampleObject(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth: number): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>
  const out: Record<string, unknown> = {}
  for (const key of (schema.required as string[]) ?? []) out[key] = sampleValue(props[key] ?? {}, schemas, depth + 1)
  return out
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return '123e4567-e89b-42d3-a456-426614174000'
    case 'date-time':
      return '2024-01-02T03:04:05Z'
    case 'date':
      return '2024-01-02'
    case 'email':
      return 'user@example.com'
    case 'uri':
    case 'url':
      return 'https://example.com/'
    default: {
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1
      return 'x'.repeat(Math.max(1, Math.min(min, 64)))
    }
  }
}
