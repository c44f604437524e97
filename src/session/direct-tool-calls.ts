// A tools/call on /mcp is run by the Worker itself and answered with JSON. agents' own transport instead opens a
// WebSocket to the session's Durable Object for every POST, runs the tool there and streams the answer back as
// server-sent events. Here the object is asked only whether the session is open to this request's user, beside the
// call's start (or not at all, when this isolate saw it open lately: src/session/open-sessions.ts): nothing is sent
// upstream, and nothing touches the session's store, until that is known, and the answer waits for it (404 for an
// unknown or ended session, as agents answers). The store is reached over RPC (remote-session-store.ts).
// Left to agents' transport, as before: everything that is not a valid call of a tool this user has (agents then
// answers it, errors included, as the SDK does); a call from a client that can be asked to approve a write, on a
// server whose policy asks for approval (MCP elicitation needs agents' stream); and every call when an execute may
// outlast the edge's idle limit (agents' stream sends keepalives, a JSON answer cannot).
import { jsonRpcError } from '../json-rpc-error.ts'
import { DEFAULT_LIMITS, resolveLimits } from '../limits.ts'
import { toolDefinitions, toolInput } from '../mcp/tool-definitions.ts'
import { type Props, prepareSearch, toolHandlers } from '../mcp/tool-handlers.ts'
import { ANOTHER_USERS_SESSION } from '../sign-in/bind-session.ts'
import { admitSession, forgetSession, type SessionObject } from './admit-session.ts'
import { RemoteSessionStore } from './remote-session-store.ts'
import { CORS, directEligible, toolCall } from './tool-call-request.ts'

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

/** A session id agents made (a Durable Object's unique id); a client may name another, which agents then serves itself. */
const AGENTS_SESSION_ID = /^[0-9a-f]{64}$/

/** Cloudflare's edge ends a response that sends nothing for 100 s: agents' stream sends keepalives, a JSON answer cannot. */
const LONGEST_SILENT_ANSWER_MS = 90_000

/** `handler` (agents' handler at `path`) with tools/call run in the Worker; every other request reaches it unchanged. */
export function withDirectToolCalls(path: string, handler: Handler): Handler {
  return {
    async fetch(request, env, ctx) {
      const header = request.headers.get('mcp-session-id')
      // Only ids of agents' own making: any other is left to agents, and never kept in this isolate's memory.
      const sessionId = header && AGENTS_SESSION_ID.test(header) ? header : undefined
      const props = (ctx as { props?: Props }).props
      const atPath = new URL(request.url).pathname === path
      if (request.method === 'DELETE' && sessionId && atPath) {
        // agents ends a session on any DELETE naming it: another user's is refused first (bindSession answers 404).
        if (props) await objectOf(env, sessionId)._ownSession(props)
        forgetSession(sessionId)
        const ended = await handler.fetch(request, env, ctx)
        // Again, for a check that began while the DELETE was on its way.
        forgetSession(sessionId)
        return ended
      }
      // A POST without a session is an initialize: this isolate, which runs the session's tool calls, starts loading
      // what its first search reads, in the background.
      if (request.method === 'POST' && !header && atPath) warmUp(env, props, ctx)
      if (request.method !== 'POST' || !sessionId || !atPath || !directEligible(request.headers)) return handler.fetch(request, env, ctx)
      const body = await request.text()
      const message = toolCall(body)
      const resend = () => handler.fetch(new Request(request.url, { method: 'POST', headers: request.headers, body }), env, ctx)
      const policy = policyOf(env)
      if (!message || policy.mayOutlastEdge) return resend()
      const object = objectOf(env, sessionId)
      const opening = admitSession(object, sessionId, props, env, ctx)
      const open = opening.then(Boolean, () => false)
      try {
        // Whether the client can be asked matters only where a policy asks for approval: then it is known first.
        if (policy.asksApproval) {
          const session = await opening
          if (!session) return sessionNotFound()
          if (session.elicits) return resend()
        }
        const store = () => new RemoteSessionStore(object, open, () => forgetSession(sessionId))
        const handlers = toolHandlers(env, { props: () => props, store, admitted: open })
        const { name, arguments: args } = (message.params ?? {}) as { name?: unknown; arguments?: unknown }
        const tool = toolDefinitions(handlers).find((t) => t.name === name)
        const input = tool && toolInput(tool).safeParse(args ?? {})
        if (!tool || !input?.success) return (await opening) ? resend() : sessionNotFound()
        // A session not open is answered as soon as that is known; the call, refused everything, stops (run-code.ts).
        const running = tool.call(input.data, {})
        if (!(await opening)) return sessionNotFound()
        return Response.json({ jsonrpc: '2.0', id: message.id, result: await running }, { headers: { 'mcp-session-id': sessionId, ...CORS } })
      } catch (err) {
        // Another user's session is answered 404 by bindSession (src/sign-in/bind-session.ts), as on agents' path.
        if (String((err as Error)?.message).includes(ANOTHER_USERS_SESSION)) throw err
        console.error('tools/call on /mcp failed', err)
        return Response.json(
          { jsonrpc: '2.0', id: message.id, error: { code: -32603, message: 'The session could not be reached for this call; send it again.' } },
          { status: 500, headers: CORS },
        )
      }
    },
  }
}

/** Loads the user's APIs and the search index, once per isolate (prepareSearch); a failure is retried by search. */
function warmUp(env: Env, props: Props | undefined, ctx: ExecutionContext): void {
  const { apis } = toolHandlers(env, { props: () => props, noStore: '' })
  if (apis.length) ctx.waitUntil(prepareSearch(apis).catch((err: unknown) => console.error('loading the search index failed; search will retry', err)))
}

const sessionNotFound = () => jsonRpcError(404, 'Session not found', -32001)

const objectOf = (env: Env, session: string) => env.MCP_OBJECT.get(env.MCP_OBJECT.idFromName(`streamable-http:${session}`)) as unknown as SessionObject

/** What the operator's vars decide for every call, read once per env (the vars do not change under an isolate). */
const policies = new WeakMap<object, { mayOutlastEdge: boolean; asksApproval: boolean }>()

function policyOf(env: Env): { mayOutlastEdge: boolean; asksApproval: boolean } {
  let policy = policies.get(env)
  if (!policy) {
    policy = { mayOutlastEdge: executeTimeoutMs(env) > LONGEST_SILENT_ANSWER_MS, asksApproval: mentionsApproval([env.API_CONFIG, env.ACCESS_RULES]) }
    policies.set(env, policy)
  }
  return policy
}

/** The execute's wall-time limit; a bad EXECUTE_TIMEOUT_MS is for execute to report, naming it. */
function executeTimeoutMs(env: Env): number {
  try {
    return resolveLimits(env).timeoutMs
  } catch {
    return DEFAULT_LIMITS.timeoutMs
  }
}

/** Whether any policy in the operator's vars turns on write approval (a superset of where it applies). */
function mentionsApproval(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  return Object.entries(value).some(([key, v]) => (key === 'approveWrites' && Boolean(v)) || mentionsApproval(v))
}
