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
import type { JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js'
import { jsonRpcError } from '../json-rpc-error.ts'
import { DEFAULT_LIMITS, resolveLimits } from '../limits.ts'
import { toolDefinitions, toolInput } from '../mcp/tool-definitions.ts'
import { type Props, toolHandlers } from '../mcp/tool-handlers.ts'
import { ANOTHER_USERS_SESSION } from '../sign-in/bind-session.ts'
import { sessionIdleMs } from './idle-expiry.ts'
import { OpenSessions } from './open-sessions.ts'
import { RemoteSessionStore, type StoresSession } from './remote-session-store.ts'
import { CORS, directEligible, toolCall } from './tool-call-request.ts'

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

interface SessionObject extends StoresSession {
  _openSession(props: Props | undefined): Promise<JSONRPCRequest | undefined>
}

/** Cloudflare's edge ends a response that sends nothing for 100 s: agents' stream sends keepalives, a JSON answer cannot. */
const LONGEST_SILENT_ANSWER_MS = 90_000

/** `handler` (agents' handler at `path`) with tools/call run in the Worker; every other request reaches it unchanged. */
export function withDirectToolCalls(path: string, handler: Handler): Handler {
  return {
    async fetch(request, env, ctx) {
      const sessionId = request.headers.get('mcp-session-id')
      if (request.method === 'DELETE' && sessionId) openSessions.forget(sessionId)
      if (request.method !== 'POST' || !sessionId || new URL(request.url).pathname !== path || !directEligible(request.headers)) return handler.fetch(request, env, ctx)
      const body = await request.text()
      const message = toolCall(body)
      const resend = () => handler.fetch(new Request(request.url, { method: 'POST', headers: request.headers, body }), env, ctx)
      if (!message || executeTimeoutMs(env) > LONGEST_SILENT_ANSWER_MS) return resend()
      const props = (ctx as { props?: Props }).props
      const object = env.MCP_OBJECT.get(env.MCP_OBJECT.idFromName(`streamable-http:${sessionId}`)) as unknown as SessionObject
      const opening = admit(object, sessionId, props, env, ctx)
      const open = opening.then(Boolean, () => false)
      try {
        // Whether the client can be asked matters only where a policy asks for approval: then it is known first.
        if (mentionsApproval([env.API_CONFIG, env.ACCESS_RULES])) {
          const session = await opening
          if (!session) return sessionNotFound()
          if (session.elicits) return resend()
        }
        const handlers = toolHandlers(env, { props: () => props, store: () => new RemoteSessionStore(object, open), admitted: open })
        const { name, arguments: args } = message.params as { name?: unknown; arguments?: unknown }
        const tool = toolDefinitions(handlers).find((t) => t.name === name)
        const input = tool && toolInput(tool).safeParse(args ?? {})
        if (!tool || !input?.success) return (await opening) ? resend() : sessionNotFound()
        const [session, result] = await Promise.all([opening, tool.call(input.data, {})])
        if (!session) return sessionNotFound()
        return Response.json({ jsonrpc: '2.0', id: message.id, result }, { headers: { 'mcp-session-id': sessionId, ...CORS } })
      } catch (err) {
        // Another user's session is answered 404 by bindSession (src/sign-in/bind-session.ts), as on agents' path.
        if (String((err as Error)?.message).includes(ANOTHER_USERS_SESSION)) throw err
        console.error('tools/call on /mcp failed', err)
        return Response.json(
          { jsonrpc: '2.0', id: message.id, error: { code: -32603, message: `The session could not run this call (${(err as Error)?.message}); send it again.` } },
          { status: 500, headers: CORS },
        )
      }
    },
  }
}

const sessionNotFound = () => jsonRpcError(404, 'Session not found', -32001)

/** This isolate's sessions lately seen open (src/session/open-sessions.ts). */
const openSessions = new OpenSessions()

/**
 * Whether this request may act for its session: at once when this isolate saw it open to this user within the trust
 * window (re-checked in the background in the window's second half), else when its object says so. Undefined when
 * it is not open; rejects for another user's session.
 */
function admit(object: SessionObject, session: string, props: Props | undefined, env: Env, ctx: ExecutionContext): Promise<{ elicits: boolean } | undefined> {
  const user = props?.user?.id ?? ''
  const ask = () =>
    object._openSession(props).then((initialize) => {
      if (!initialize) {
        openSessions.forget(session)
        return undefined
      }
      const elicits = canElicit(initialize)
      openSessions.confirm(session, user, elicits)
      return { elicits }
    })
  const seen = openSessions.seen(session, user, OpenSessions.trustMs(idleMs(env)))
  if (!seen) return ask()
  if (seen.renew) ctx.waitUntil(ask().catch(() => undefined))
  return Promise.resolve({ elicits: seen.elicits })
}

let idle: { raw: unknown; ms: number } | undefined

/** SESSION_IDLE_SECONDS as ms, read once per value (a bad one is reported once, where the object reports it too). */
function idleMs(env: Env): number {
  const raw = (env as { SESSION_IDLE_SECONDS?: unknown }).SESSION_IDLE_SECONDS
  const current = idle && idle.raw === raw ? idle : { raw, ms: sessionIdleMs(raw) }
  idle = current
  return current.ms
}

/** The execute's wall-time limit; a bad EXECUTE_TIMEOUT_MS is for execute to report, naming it. */
function executeTimeoutMs(env: Env): number {
  try {
    return resolveLimits(env).timeoutMs
  } catch {
    return DEFAULT_LIMITS.timeoutMs
  }
}

/** Whether the session's client said it can be asked (elicitation), from its stored initialize request. */
function canElicit(initialize: JSONRPCRequest | undefined): boolean {
  return (initialize?.params as { capabilities?: { elicitation?: unknown } } | undefined)?.capabilities?.elicitation !== undefined
}

/** Whether any policy in the operator's vars turns on write approval (a superset of where it applies). */
function mentionsApproval(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  return Object.entries(value).some(([key, v]) => (key === 'approveWrites' && v === true) || mentionsApproval(v))
}
