// Every check a call passes before anything is planned or sent, in order: the operation exists, the user may use
// the API, the policy allows it, the model set no slot the host owns, the input fits the schema, the request builds,
// the user's sign-in has its scopes, and the execution has calls (and writes) left.
import { type Access, applyAccess } from '../access/resolve-access.ts'
import type { OperationSpec } from '../artifacts.ts'
import { getApi, getSchemas } from '../catalog.ts'
import { type ApiConfig, resolveApiConfig } from '../config.ts'
import type { Api } from '../create-catalog.ts'
import { type BuiltRequest, buildRequest } from './build-request.ts'
import { checkPolicy, isWrite } from './check-policy.ts'
import { hostOwnedSlots, ownedInputKey } from './host-owned-slots.ts'
import { lackingScopes } from './missing-scopes.ts'
import { validateInput } from './validate-input.ts'

export interface CallContext {
  apiConfig: unknown
  access: Access
  upstream?: { api: string; scopes?: string[] }
  limits: { maxCalls: number; maxWrites: number }
  used: { calls: number; writes: number }
  writesTo: Map<string, number>
}

export type CheckedCall = { ok: true; label: string; api: Api; op: OperationSpec; config: ApiConfig; built: BuiltRequest; writes: boolean } | { ok: false; error: string }

export function checkCall(ctx: CallContext, apiName: string, name: string, input: unknown): CheckedCall {
  const api = getApi(apiName)
  if (!api) return { ok: false, error: `unknown API "${apiName}"` }
  const op = api.byName.get(name)
  const label = `${apiName}.${name}`
  if (!op) return { ok: false, error: `${label} is not an operation of ${apiName}. Use search to find operation names.` }
  const config = applyAccess(ctx.access, apiName, resolveApiConfig(api.meta, ctx.apiConfig))
  if (!config) return { ok: false, error: `${label}: your account may not use ${apiName} on this server; ask its operator for access` }
  const writes = isWrite(op)
  const denied = checkPolicy(config, op, ctx.writesTo.get(apiName) ?? 0)
  if (denied) return { ok: false, error: `${label}: ${denied}` }
  const owned = hostOwnedSlots(api.meta.securitySchemes)
  const forged = ownedInputKey(input, (op.input.properties ?? {}) as Record<string, unknown>, owned)
  if (forged) return { ok: false, error: `${label}: ${forged}` }
  const problems = validateInput(input, op.input, getSchemas(apiName))
  if (problems.length) return { ok: false, error: `${label}: ${problems.join('; ')}. Call search with "${name}" to see its signature.` }
  const built = buildRequest(config.baseUrl, op, (input ?? {}) as Record<string, unknown>, owned)
  if ('error' in built) return { ok: false, error: `${label}: ${built.error}` }
  const lacking = lackingScopes(ctx.upstream, apiName, api.meta.securitySchemes, op)
  if (lacking)
    return {
      ok: false,
      error: `${label}: needs the scope ${lacking.join(' and ')}, which your sign-in did not grant. Sign in again granting it (your MCP client can re-authorize); retrying will not help.`,
    }
  if (ctx.used.calls >= ctx.limits.maxCalls)
    return { ok: false, error: `${label}: call limit reached (${ctx.limits.maxCalls} API calls per execution). Split the work across several execute calls.` }
  if (writes && ctx.used.writes >= ctx.limits.maxWrites)
    return { ok: false, error: `${label}: write limit reached (${ctx.limits.maxWrites} non-GET calls per execution). Split the writes across several execute calls.` }
  return { ok: true, label, api, op, config, built, writes }
}
