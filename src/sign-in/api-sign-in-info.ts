// What upstream sign-in needs to know of an API: its security schemes (the spec's authorizationCode flow), and the
// scopes the operations its API_CONFIG policy allows need, so the sign-in asks for those and no more. The API's
// artifacts must be loaded first (src/index.ts does, before it reads SIGN_IN).
import { getApi, getMeta } from '../catalog.ts'
import type { SchemesOf } from '../check-sign-in.ts'
import { resolveApiConfig } from '../config.ts'
import { checkPolicy } from '../host/check-policy.ts'
import { scopesToRequest } from '../host/missing-scopes.ts'

export function apiSignInInfo(apiConfig: unknown): SchemesOf {
  return (name) => {
    const meta = getMeta(name)
    if (!meta) return undefined
    return {
      schemes: meta.securitySchemes,
      scopesFor: (scheme) => {
        const config = resolveApiConfig(meta, apiConfig)
        return scopesToRequest(getApi(name)?.operations ?? [], scheme, (op) => checkPolicy(config, op, 0) === undefined)
      },
    }
  }
}
