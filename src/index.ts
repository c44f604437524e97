// The Worker entry: DNS-rebinding check, then the MCP endpoint (Streamable HTTP at /mcp).

import { CodeModeAgent } from './agent.ts'
import { apiNames } from './catalog.ts'
import { checkOrigin } from './check-origin.ts'

export { CodeModeAgent }

const mcp = CodeModeAgent.serve('/mcp', { binding: 'MCP_OBJECT' })

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const refused = checkOrigin(request, env.ALLOWED_HOSTS)
    if (refused) return refused
    const { pathname } = new URL(request.url)
    if (pathname === '/mcp' || pathname.startsWith('/mcp/')) return mcp.fetch(request, env, ctx)
    if (pathname === '/') return Response.json({ name: 'codemode-openapi-mcp', mcp: '/mcp', apis: apiNames() })
    return new Response('Not found. The MCP endpoint is /mcp.', { status: 404 })
  },
} satisfies ExportedHandler<Env>
