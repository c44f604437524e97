// Scopes, per operation, for a user's own token (upstream sign-in): the operation's requirement alternatives that
// use the sign-in scheme each list scopes; the call may go when one alternative's scopes were all granted.
import type { OperationSpec, SecuritySchemeSpec } from '../artifacts.ts'
import { userTokenScheme } from './user-credentials.ts'

/** For a user signed in at `api`, the scopes `op` needs that their sign-in did not grant; undefined otherwise. */
export function lackingScopes(upstream: { api: string; scopes?: string[] } | undefined, api: string, schemes: SecuritySchemeSpec[], op: OperationSpec): string[] | undefined {
  const scheme = upstream?.api === api && upstream.scopes ? userTokenScheme(schemes) : undefined
  return scheme && upstream?.scopes ? missingScopes(op, scheme.name, upstream.scopes) : undefined
}

/** The scopes to grant (of the first alternative using `scheme`), or undefined when the grant covers the call. */
export function missingScopes(op: OperationSpec, scheme: string, granted: string[]): string[] | undefined {
  const needs = (op.security ?? []).flatMap((r, i) => (r.includes(scheme) ? [op.scopes?.[i] ?? []] : []))
  if (needs.length === 0 || needs.some((scopes) => scopes.every((s) => granted.includes(s)))) return undefined
  return (needs[0] as string[]).filter((s) => !granted.includes(s))
}

/** All the scopes of the first requirement alternative of `op` that uses `scheme`: what a scope challenge names. */
export function neededScopes(op: OperationSpec, scheme: string): string[] {
  const at = (op.security ?? []).findIndex((r) => r.includes(scheme))
  return at >= 0 ? (op.scopes?.[at] ?? []) : []
}

/** The scopes to ask for: those the operations `callable` lets through need under `scheme`, and no more. */
export function scopesToRequest(ops: OperationSpec[], scheme: string, callable: (op: OperationSpec) => boolean): string[] {
  const wanted = new Set<string>()
  for (const op of ops) {
    if (!callable(op)) continue
    for (const s of neededScopes(op, scheme)) wanted.add(s)
  }
  return [...wanted]
}
