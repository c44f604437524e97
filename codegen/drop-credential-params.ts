// Stage between inlining and collecting: a parameter declared in a slot a security scheme fills (Trello's `key`
// and `token` query parameters, Jira's `Authorization` header) is the host's to send, never the model's. It is
// removed from the spec before types are emitted, so no signature asks the model for a credential.
import type { SecuritySchemeSpec } from '../src/artifacts.ts'
import { hostOwnedSlots } from '../src/host/host-owned-slots.ts'
import { HTTP_METHODS } from './collect-operations.ts'
import { deref, type Json } from './resolve-ref.ts'
import type { SpecProblem } from './spec-error.ts'

type Location = 'header' | 'query' | 'cookie'

/** Mutates `doc`; reports once per dropped `in:name`, with how many operations declared it. */
export function dropCredentialParams(doc: Json, schemes: SecuritySchemeSpec[], warnings: SpecProblem[]): void {
  const owned = hostOwnedSlots(schemes)
  const dropped = new Map<string, number>()
  const keep = (raw: unknown) => {
    const p = deref<Json>(doc, raw)
    const where = p?.in as Location | undefined
    if (!p || typeof p.name !== 'string' || !where || !(where in owned) || !owned[where].has(p.name.toLowerCase())) return true
    const key = `${where} parameter "${p.name}"`
    dropped.set(key, (dropped.get(key) ?? 0) + 1)
    return false
  }
  for (const rawItem of Object.values((doc.paths ?? {}) as Json)) {
    const item = deref<Json>(doc, rawItem)
    if (!item || typeof item !== 'object') continue
    if (Array.isArray(item.parameters)) item.parameters = item.parameters.filter(keep)
    for (const method of HTTP_METHODS) {
      const op = deref<Json>(doc, item[method])
      if (op && Array.isArray(op.parameters)) op.parameters = op.parameters.filter(keep)
    }
  }
  for (const [param, count] of dropped) {
    warnings.push({
      pointer: '#/paths',
      message: `${count} operation(s) declare the ${param}, a slot the host fills with the credential (or the request's own framing); it is left out of their inputs`,
      fix: 'declare the credential in components.securitySchemes only',
    })
  }
}
