// Stage between inlining and collecting: a parameter declared in a slot a security scheme fills (Trello's `key`
// and `token` query parameters, Jira's `Authorization` header) is the host's to send, never the model's. It is
// removed from the spec before types are emitted, so no signature asks the model for a credential. Where such a
// parameter is required, its scheme joins every alternative of the operation's security requirement: Trello
// declares `key` OR `token`, but requires both parameters, so the host must send both.
import type { SecuritySchemeSpec } from '../src/artifacts.ts'
import { hostOwnedSlots } from '../src/host/host-owned-slots.ts'
import { HTTP_METHODS } from './collect-operations.ts'
import { deref, type Json } from './resolve-ref.ts'
import type { SpecProblem } from './spec-error.ts'

type Location = 'header' | 'query' | 'cookie'

/** Mutates `doc`; reports once per dropped `in:name`, with how many operations declared it. */
export function dropCredentialParams(doc: Json, schemes: SecuritySchemeSpec[], warnings: SpecProblem[]): void {
  const owned = hostOwnedSlots(schemes)
  const schemeAt = new Map(schemes.filter((s) => s.type === 'apiKey' && s.paramName).map((s) => [`${s.in ?? 'header'}:${s.paramName!.toLowerCase()}`, s.name]))
  const dropped = new Map<string, number>()
  /** Drops credential parameters from `list`, adding the schemes of required ones to `needed`. */
  const filter = (list: unknown, needed: Set<string>) => {
    if (!Array.isArray(list)) return list
    return list.filter((raw) => {
      const p = deref<Json>(doc, raw)
      const where = p?.in as Location | undefined
      if (!p || typeof p.name !== 'string' || !where || !(where in owned) || !owned[where].has(p.name.toLowerCase())) return true
      const scheme = schemeAt.get(`${where}:${p.name.toLowerCase()}`)
      if (p.required === true && scheme) needed.add(scheme)
      const key = `${where} parameter "${p.name}"`
      dropped.set(key, (dropped.get(key) ?? 0) + 1)
      return false
    })
  }
  for (const rawItem of Object.values((doc.paths ?? {}) as Json)) {
    const item = deref<Json>(doc, rawItem)
    if (!item || typeof item !== 'object') continue
    const shared = new Set<string>()
    if (Array.isArray(item.parameters)) item.parameters = filter(item.parameters, shared)
    for (const method of HTTP_METHODS) {
      const op = deref<Json>(doc, item[method])
      if (!op || typeof op !== 'object') continue
      const needed = new Set(shared)
      if (Array.isArray(op.parameters)) op.parameters = filter(op.parameters, needed)
      if (needed.size) op.security = requiring((op.security ?? doc.security) as Json[] | undefined, [...needed])
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

/** Every alternative, each also needing `schemes`; none declared (or `[]`) becomes the one alternative `schemes`. */
function requiring(requirements: Json[] | undefined, schemes: string[]): Json[] {
  const extra = Object.fromEntries(schemes.map((s) => [s, []]))
  const alternatives = Array.isArray(requirements) && requirements.length ? requirements : [{}]
  return alternatives.map((r) => ({ ...(r && typeof r === 'object' ? r : {}), ...extra }))
}
