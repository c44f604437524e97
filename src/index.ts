// The Worker entry: DNS-rebinding check, the sign-in gate, then the MCP endpoints: Streamable HTTP at /mcp and the
// legacy SSE transport at /sse (for clients that still speak it), both behind the same sign-in.

import { CodeModeAgent } from './agent.ts'
import { apiNames, getApi } from './catalog.ts'
import { checkOrigin } from './check-origin.ts'
import { checkSignIn, resolveSignIn, type SignIn } from './check-sign-in.ts'
import { jsonRpcError } from './json-rpc-error.ts'
import { oauthProviderFor } from './sign-in/create-oauth-provider.ts'

export { CodeModeAgent }

const TRANSPORTS = {
  '/mcp': CodeModeAgent.serve('/mcp', { binding: 'MCP_OBJECT' }),
  '/sse': CodeModeAgent.serveSSE('/sse', { binding: 'MCP_OBJECT' }),
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const refused = checkOrigin(request, env.ALLOWED_HOSTS)
    if (refused) return refused
    const { pathname, origin } = new URL(request.url)
    let signIn: SignIn
    try {
      signIn = resolveSignIn(env.SIGN_IN, (api) => getApi(api)?.meta.securitySchemes)
    } catch (err) {
      console.error((err as Error).message)
      return jsonRpcError(500, `The server's sign-in setting is invalid: ${(err as Error).message}`)
    }
    if (signIn.mode === 'identity' || signIn.mode === 'upstream') return oauthProviderFor(origin, signIn, TRANSPORTS).fetch(request, env, ctx)
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
