// The input schema the model's call is checked against: the operation's, less the requirement to pass a
// parameter that sits in a slot the host fills (a spec may declare `Authorization` as a required header).
import type { JsonSchema, OperationSpec } from '../artifacts.ts'
import type { OwnedSlots } from './host-owned-slots.ts'

const cache = new WeakMap<OperationSpec, JsonSchema>()

export function inputSchemaFor(op: OperationSpec, owned: OwnedSlots): JsonSchema {
  let schema = cache.get(op)
  if (!schema) {
    const hostFilled = new Set(op.params.filter((p) => p.in !== 'path' && owned[p.in].has(p.name.toLowerCase())).map((p) => p.name))
    const required = op.input.required as string[] | undefined
    schema = required?.some((n) => hostFilled.has(n)) ? { ...op.input, required: required.filter((n) => !hostFilled.has(n)) } : op.input
    cache.set(op, schema)
  }
  return schema
}
