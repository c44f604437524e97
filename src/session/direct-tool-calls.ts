// A tools/call on /mcp goes from the Worker to its session object as one RPC (CodeModeAgent._callTool) and is
// answered with JSON. agents' own transport instead opens a WebSocket to the object for every POST and streams the
// answer back as server-sent events, about 2.5 ms more per call. A call that might need to ask the human to approve
// a write (MCP elicitation, which only agents' transport can carry) is sent through agents' transport as before, as
// is everything that is not a well-formed tools/call: agents then answers it, errors included, as it always has.
import { type JSONRPCMessage, type JSONRPCRequest, JSONRPCRequestSchema, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js'
import { jsonRpcError } from '../json-rpc-error.ts'
import type { Props } from '../mcp/tool-handlers.ts'
import { ANOTHER_USERS_SESSION } from '../sign-in/bind-session.ts'

type Handler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

/** The session object's answer: the response, or that the session is unknown, or that agents' transport must carry it. */
export type DirectAnswer = { kind: 'answer'; message: JSONRPCMessage } | { kind: 'unknown' } | { kind: 'bridge' }

interface CallsTools {
  _callTool(props: Props | undefined, message: JSONRPCRequest): Promise<DirectAnswer>
}

/** agents' limit on a POST body, kept here so that a body it would refuse is left for it to refuse. */
const MAX_BODY_BYTES = 4 * 1024 * 1024

/** `handler` (agents' handler at `path`) with tools/call answered over one RPC; every other request reaches it unchanged. */
export function withDirectToolCalls(path: string, handler: Handler): Handler {
  return {
    async fetch(request, env, ctx) {
      const sessionId = request.headers.get('mcp-session-id')
      if (request.method !== 'POST' || !sessionId || new URL(request.url).pathname !== path || !directEligible(request.headers)) return handler.fetch(request, env, ctx)
      const body = await request.text()
      const message = toolCall(body)
      const resend = () => handler.fetch(new Request(request.url, { method: 'POST', headers: request.headers, body }), env, ctx)
      if (!message) return resend()
      const stub = env.MCP_OBJECT.get(env.MCP_OBJECT.idFromName(`streamable-http:${sessionId}`)) as unknown as CallsTools
      let answer: DirectAnswer
      try {
        answer = await stub._callTool((ctx as { props?: Props }).props, message)
      } catch (err) {
        // Another user's session is answered 404 by bindSession (src/sign-in/bind-session.ts), as on agents' path.
        if (String((err as Error)?.message).includes(ANOTHER_USERS_SESSION)) throw err
        console.error('tools/call on the session object failed', err)
        return Response.json(
          { jsonrpc: '2.0', id: message.id, error: { code: -32603, message: `The session could not run this call (${(err as Error)?.message}); send it again.` } },
          { status: 500, headers: CORS },
        )
      }
      if (answer.kind === 'bridge') return resend()
      if (answer.kind === 'unknown') return jsonRpcError(404, 'Session not found', -32001)
      return Response.json(answer.message, { headers: { 'mcp-session-id': sessionId, ...CORS } })
    },
  }
}

/** The headers agents would have checked before anything else; a request failing them is left for it to refuse. */
function directEligible(headers: Headers): boolean {
  const accept = headers.get('accept') ?? ''
  const version = headers.get('mcp-protocol-version')
  return (
    accept.includes('application/json') &&
    accept.includes('text/event-stream') &&
    (headers.get('content-type') ?? '').includes('application/json') &&
    Number.parseInt(headers.get('content-length') ?? '0', 10) <= MAX_BODY_BYTES &&
    (version === null || SUPPORTED_PROTOCOL_VERSIONS.includes(version))
  )
}

/** The body as one valid tools/call request, or undefined for anything else (a batch, a notification, bad JSON). */
function toolCall(body: string): JSONRPCRequest | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  const request = JSONRPCRequestSchema.safeParse(parsed)
  return request.success && request.data.method === 'tools/call' ? (parsed as JSONRPCRequest) : undefined
}

/** The CORS headers agents puts on its /mcp answers (its defaults: no corsOptions is set), so browser clients read these the same. */
const CORS = {
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, mcp-session-id, mcp-protocol-version',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'mcp-session-id',
  'Access-Control-Max-Age': '86400',
}
