// The session object's second MCP server, for the tool calls the Worker sends it directly
// (src/session/direct-tool-calls.ts): the same tools over agents' RPCServerTransport, which answers a request with
// its response instead of writing it to a stream. It learns who the client is (its capabilities, its protocol
// version) from the session's stored initialize request, replayed to it once. It never asks the client anything:
// a call that might (a write needing approval, from a client that can be asked) is left to agents' transport.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { JSONRPCMessage, JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js'
import { RPCServerTransport } from 'agents/mcp'
import { registerTools } from '../mcp/register-tools.ts'
import { SERVER_INFO, SERVER_OPTIONS, type ToolHandlers } from '../mcp/tool-definitions.ts'

export class DirectServer {
  readonly #connected: Promise<RPCServerTransport>
  /** The transport keys calls by String(id): a second call under an id still running would take the first's answer. */
  readonly #running = new Set<string>()

  /** `timeoutMs`: how long a call may run before the transport gives up on it (a backstop to the tools' own limits). */
  constructor(initialize: JSONRPCRequest, handlers: ToolHandlers, timeoutMs: number) {
    this.#connected = (async () => {
      const server = new McpServer(SERVER_INFO, SERVER_OPTIONS)
      registerTools(server, handlers, { canAsk: false })
      const transport = new RPCServerTransport({ timeout: timeoutMs })
      await server.connect(transport)
      await transport.handle(initialize)
      return transport
    })()
  }

  /** The response to `message`; an id still in use is refused by name, as a JSON-RPC error. */
  async call(message: JSONRPCRequest): Promise<JSONRPCMessage> {
    const key = String(message.id)
    if (this.#running.has(key))
      return refusal(message, -32600, `Invalid Request: id ${JSON.stringify(message.id)} belongs to a call still running in this session; send each request with an id of its own`)
    this.#running.add(key)
    let answer: JSONRPCMessage | JSONRPCMessage[] | undefined
    try {
      answer = await (await this.#connected).handle(message)
    } catch (err) {
      // Given up on (the transport's timeout), the call may still answer later: its id stays taken, so that answer
      // can never be taken for a later call's.
      return refusal(message, -32603, `the session gave up on this call (${(err as Error)?.message})`)
    }
    this.#running.delete(key)
    const response = [answer ?? []].flat().find((m) => 'id' in m && m.id === message.id && ('result' in m || 'error' in m))
    return response ?? refusal(message, -32603, 'the session answered this call with nothing; send it again')
  }
}

/** Cloudflare's edge ends a response that sends nothing for 100 s: agents' stream sends keepalives, a JSON answer cannot. */
const LONGEST_SILENT_ANSWER_MS = 90_000

/**
 * Whether a call can be answered directly: an execute always ends well within the edge's idle limit, and either the
 * client cannot be asked to approve a write or no policy asks for approval.
 */
export function answersDirectly(initialize: JSONRPCRequest, env: Env, executeTimeoutMs: number): boolean {
  if (executeTimeoutMs > LONGEST_SILENT_ANSWER_MS) return false
  const capabilities = (initialize.params as { capabilities?: { elicitation?: unknown } } | undefined)?.capabilities
  return capabilities?.elicitation === undefined || !mentionsApproval([env.API_CONFIG, env.ACCESS_RULES])
}

/** Whether any policy in the operator's vars turns on write approval (a superset of where it applies). */
function mentionsApproval(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false
  return Object.entries(value).some(([key, v]) => (key === 'approveWrites' && v === true) || mentionsApproval(v))
}

function refusal(message: JSONRPCRequest, code: number, why: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id: message.id, error: { code, message: why } }
}
