// The Worker entry: DNS-rebinding check, the sign-in gate, then the MCP endpoints: Streamable HTTP at /mcp (one
// Durable Object per session), the same without a session at /mcp/stateless (src/mcp/serve-stateless.ts), and the
// legacy SSE transport at /sse (for clients that still speak it), all behind the same sign-in.

import { CodeModeAgent } from './agent.ts'
import { apiNames, loadArtifacts } from './catalog.ts'
import { checkOrigin } from './check-origin.ts'
import { checkSignIn, resolveSignIn, type SignIn } from './check-sign-in.ts'
import { jsonRpcError } from './json-rpc-error.ts'
import { STATELESS_ROUTE, serveStateless } from './mcp/serve-stateless.ts'
import { withDirectToolCalls } from './session/direct-tool-calls.ts'
import { withMergedSessionHops } from './session/merged-session-hops.ts'
import { apiSignInInfo } from './sign-in/api-sign-in-info.ts'
import { cacheTokenReads } from './sign-in/cache-token-reads.ts'
import { oauthProviderFor } from './sign-in/create-oauth-provider.ts'

export { CodeModeAgent }

// Longest path first: a request goes to the first whose path it is or lies under, so /mcp/stateless is not /mcp's.
const TRANSPORTS = {
  [STATELESS_ROUTE]: serveStateless(),
  '/mcp': withDirectToolCalls('/mcp', withMergedSessionHops(CodeModeAgent.serve('/mcp', { binding: 'MCP_OBJECT' }))),
  '/sse': CodeModeAgent.serveSSE('/sse', { binding: 'MCP_OBJECT' }),
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const refused = checkOrigin(request, env.ALLOWED_HOSTS)
    if (refused) return refused
    const { pathname, origin } = new URL(request.url)
    let signIn: SignIn
    try {
      signIn = await signInFor(env)
    } catch (err) {
      console.error((err as Error).message)
      return jsonRpcError(500, `The server's sign-in setting is invalid: ${(err as Error).message}`)
    }
    if (signIn.mode === 'identity' || signIn.mode === 'upstream') return oauthProviderFor(origin, signIn, TRANSPORTS).fetch(request, withCachedTokens(env), ctx)
    const route = Object.entries(TRANSPORTS).find(([path]) => pathname === path || pathname.startsWith(`${path}/`))
    if (route) {
      const gated = checkSignIn(request, signIn)
      if (gated) return gated
      return route[1].fetch(request, env, ctx)
    }
    if (pathname === '/') return Response.json({ name: 'codemode-openapi-mcp', mcp: '/mcp', apis: apiNames() })
    return new Response('Not found. The MCP endpoint is /mcp.', { status: 404 })
  },
} satisfies ExportedHandler<Env>

let cachedFor: { env: Env; wrapped: Env } | undefined

/** The env the OAuth provider sees: its token reads cached for a few seconds per isolate (cache-token-reads.ts). */
function withCachedTokens(env: Env): Env {
  if (cachedFor?.env !== env) cachedFor = { env, wrapped: { ...env, OAUTH_KV: cacheTokenReads(env.OAUTH_KV) } }
  return cachedFor.wrapped
}

let resolved: { raw: unknown; config: unknown; signIn: SignIn } | undefined

/** SIGN_IN read once per isolate (the vars do not change under it); a bad setting throws each time, naming the key. */
async function signInFor(env: Env): Promise<SignIn> {
  if (!resolved || resolved.raw !== env.SIGN_IN || resolved.config !== env.API_CONFIG) {
    // Upstream sign-in asks for the scopes of the operations the policy allows: that API's table must be loaded.
    const upstreamApi = (env.SIGN_IN as { api?: unknown } | null)?.api
    if (typeof upstreamApi === 'string') await loadArtifacts([upstreamApi])
    resolved = { raw: env.SIGN_IN, config: env.API_CONFIG, signIn: resolveSignIn(env.SIGN_IN, apiSignInInfo(env.API_CONFIG)) }
  }
  return resolved.signIn
}
