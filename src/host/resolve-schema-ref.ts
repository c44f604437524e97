// Resolves a schema `$ref` against an API's schema table (components.schemas, or Swagger's definitions / $defs).
import type { JsonSchema } from '../artifacts.ts'

/** Returns the named schema a reference points at, or undefined for anything else. */
export function resolveSchemaRef(ref: string, schemas: Record<string, JsonSchema>): JsonSchema | undefined {
  const m = /^#\/(?:components\/schemas|definitions|\$defs)\/(.+)$/.exec(ref)
  if (!m) return undefined
  const name = decodeURIComponent(m[1] as string)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~')
  return Object.hasOwn(schemas, name) ? schemas[name] : undefined
}
