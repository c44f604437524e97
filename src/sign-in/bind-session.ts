// A session belongs to the user who started it. The agents library names a session's object from an id the client
// sends (Mcp-Session-Id for Streamable HTTP, ?sessionId for SSE) and gives it the props of whichever request starts
// or wakes it. Each request's props reach the session object as it is looked up (CodeModeAgent's
// __unsafe_ensureInitialized, no extra round trip), which refuses another user's; that refusal is answered here with
// 404, as for a session that does not exist. With upstream sign-in the object also takes a refreshed token's props.
import { jsonRpcError } from '../json-rpc-error.ts'

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

export const ANOTHER_USERS_SESSION = 'this session belongs to another user'

export function bindSession(handler: Handler): Handler {
  return {
    async fetch(request, env, ctx) {
      try {
        return await handler.fetch(request, env, ctx)
      } catch (err) {
        if (String((err as Error)?.message).includes(ANOTHER_USERS_SESSION)) return jsonRpcError(404, 'Session not found', -32001)
        throw err
      }
    },
  }
}
