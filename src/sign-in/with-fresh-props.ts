// A session's McpAgent takes its props (who signed in, their upstream token) once, when the session starts. With
// upstream sign-in the token changes when the client refreshes, so each request of a running Streamable HTTP
// session hands the session object the props its token carries; the object keeps them only when the token changed.

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

/** What the session object offers for this (src/agent.ts). */
export interface AdoptsProps {
  adoptProps(props: unknown): Promise<void>
}

export function withFreshProps(handler: Handler): Handler {
  return {
    async fetch(request, env, ctx) {
      const session = request.headers.get('mcp-session-id')
      const props = (ctx as unknown as { props?: { upstream?: unknown } }).props
      if (session && props?.upstream) {
        const stub = env.MCP_OBJECT.get(env.MCP_OBJECT.idFromName(`streamable-http:${session}`)) as unknown as AdoptsProps
        await stub.adoptProps(props)
      }
      return handler.fetch(request, env, ctx)
    },
  }
}
