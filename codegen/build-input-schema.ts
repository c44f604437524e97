// The JSON Schema of an operation's single input object: each parameter by name, the request body under `body`.
// Schema `$ref`s stay references into the API's schema table; the host resolves them when it validates.
import type { JsonSchema } from '../src/artifacts.ts'
import type { CollectedOperation } from './collect-operations.ts'

export function buildInputSchema(op: CollectedOperation): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const p of op.params) {
    properties[p.name] = p.schema
    if (p.required) required.push(p.name)
  }
  if (op.body) {
    properties.body = op.body.schema
    if (op.body.required) required.push('body')
  }
  return { type: 'object', properties, required, additionalProperties: false }
}
