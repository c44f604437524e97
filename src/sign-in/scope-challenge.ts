// Step-up for upstream sign-in (MCP authorization, scope challenge handling): before an `execute` runs, each
// operation of the signed-in API that its code calls by name is checked against the scopes the user's sign-in
// granted. One the user may call but lacks a scope for is answered with HTTP 403 `insufficient_scope` naming the
// scopes, so the MCP client can send the user to authorize again (the sign-in then asks the API's server for them).
// Calls a scan of the text cannot see (computed names, raw requests) are still refused by ApiHost before sending.
import { insufficientScope, type OAuthResourceAuth } from '@cloudflare/workers-oauth-provider'
import { accessOf, callableBy } from '../access/callable.ts'
import { getApi, loadArtifacts } from '../catalog.ts'
import { missingScopes, neededScopes } from '../host/missing-scopes.ts'
import { userTokenScheme } from '../host/user-credentials.ts'
import type { GrantProps } from './sign-in-handler.ts'

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }
type Context = ExecutionContext & { props?: Partial<GrantProps>; auth?: OAuthResourceAuth }

/** `requestable`: the scopes the sign-in asks the API for; a challenge never names one it would not get. */
export function withScopeChallenge(handler: Handler, requestable: string[]): Handler {
  return {
    async fetch(request, env, ctx) {
      const { props, auth } = ctx as Context
      if (request.method === 'POST' && props?.upstream && auth) {
        const code = executeCode(await request.clone().text())
        if (code) await loadArtifacts([props.upstream.api])
        const wanted = code ? scopesToStepUp(code, props as GrantProps, env, requestable) : []
        if (wanted.length) {
          return insufficientScope(auth, wanted, `${props.upstream.api} needs the scope ${wanted.join(' ')}, which your sign-in did not grant; authorize again to grant it`)
        }
      }
      return handler.fetch(request, env, ctx)
    },
  }
}

/** The code of an `execute` call in a JSON-RPC message or batch; undefined for anything else. */
function executeCode(body: string): string | undefined {
  let message: unknown
  try {
    message = JSON.parse(body)
  } catch {
    return undefined
  }
  const calls = (Array.isArray(message) ? message : [message]) as { method?: unknown; params?: { name?: unknown; arguments?: { code?: unknown } } }[]
  const codes = calls.filter((m) => m?.method === 'tools/call' && m.params?.name === 'execute').map((m) => m.params?.arguments?.code)
  return codes.every((c) => typeof c === 'string') && codes.length ? codes.join('\n') : undefined
}

/** Every scope of the operations `code` calls on the signed-in API that the user may call and lacks one for. */
export function scopesToStepUp(code: string, props: GrantProps, env: Env, requestable: string[]): string[] {
  const upstream = props.upstream
  const api = upstream && getApi(upstream.api)
  const scheme = api && userTokenScheme(api.meta.securitySchemes)
  if (!upstream?.scopes || !api || !scheme) return []
  const named = new Set(Array.from(code.matchAll(new RegExp(`\\b${upstream.api.replaceAll('$', '\\$')}\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(`, 'g')), (m) => m[1] as string))
  const lacking = [...named].flatMap((name) => {
    const op = api.byName.get(name)
    return op && missingScopes(op, scheme.name, upstream.scopes)?.every((s) => requestable.includes(s)) ? [op] : []
  })
  if (!lacking.length) return []
  let callable: ReturnType<typeof callableBy>
  try {
    callable = callableBy(accessOf(env.ACCESS_RULES, props), env.API_CONFIG)
  } catch {
    return [] // invalid rules: the session says so; no scope would help
  }
  const wanted = lacking.filter((op) => !callable || callable(upstream.api, op.name)).flatMap((op) => neededScopes(op, scheme.name))
  return [...new Set(wanted)]
}
