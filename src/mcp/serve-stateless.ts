// /mcp/stateless: the same two tools over Streamable HTTP without a session, so without a Durable Object. Each
// request gets a fresh SDK v2 McpServer (createMcpHandler from agents/mcp/server), built for the props of that
// request alone: the grant props the OAuth provider put on `ctx` after checking the token, or none without sign-in.
// What it gives up, each said to the model by name: asking a human to approve a write (MCP elicitation needs a
// session that can call back into the client) and the session store (`session.*`, cut results kept by handle).
import { McpServer } from '@modelcontextprotocol/server'
import { createMcpHandler } from 'agents/mcp/server'
import { registerToolsV2 } from './register-tools-v2.ts'
import { SERVER_INFO, SERVER_OPTIONS } from './tool-definitions.ts'
import { type Props, toolHandlers } from './tool-handlers.ts'

export const STATELESS_ROUTE = '/mcp/stateless'

export const STATELESS_NO_APPROVAL = `the stateless route ${STATELESS_ROUTE} cannot ask a human to approve writes (MCP elicitation needs a session); connect to /mcp for writes that need approval`

export const STATELESS_NO_STORE = `the stateless route ${STATELESS_ROUTE} keeps no session store; connect to /mcp to keep values across executes`

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

export function serveStateless(): Handler {
  return {
    fetch(request, env, ctx) {
      // Read from this request's context only, never from a handler shared between requests.
      const props = (ctx as { props?: Props }).props
      const handler = createMcpHandler(
        ({ era }) => {
          const server = new McpServer(SERVER_INFO, SERVER_OPTIONS)
          registerToolsV2(server, toolHandlers(env, { props: () => props, noStore: STATELESS_NO_STORE, cannotAsk: STATELESS_NO_APPROVAL }), era)
          return server
        },
        {
          route: STATELESS_ROUTE,
          // src/check-origin.ts has already held Host and Origin to loopback and ALLOWED_HOSTS.
          allowedOriginHostnames: '*',
          onerror: (err) => console.error('stateless MCP request failed', err),
        },
      )
      return handler.fetch(request)
    },
  }
}
