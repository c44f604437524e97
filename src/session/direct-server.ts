// The session object's second MCP server, for the tool calls the Worker sends it directly
// (src/session/direct-tool-calls.ts): the same tools over agents' RPCServerTransport, which answers a request with
// its response instead of writing it to a stream. It learns who the client is (its capabilities, its protocol
// version) from the session's stored initialize request, replayed to it once.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { JSONRPCMessage, JSONRPCRequest } from '@modelcontextprotocol/sdk/types.js'
import { RPCServerTransport } from 'agents/mcp'
import { registerTools } from '../mcp/register-tools.ts'
import { SERVER_INFO, SERVER_OPTIONS, type ToolHandlers } from '../mcp/tool-definitions.ts'

export class DirectServer {
  readonly #connected: Promise<RPCServerTransport>
  /** The transport keys calls by String(id): a second call under an id still running would throw in it. */
  readonly #running = new Set<string>()

  /** `timeoutMs`: how long a call may run before the transport gives up on it (a backstop to the tools' own limits). */
  constructor(initialize: JSONRPCRequest, handlers: ToolHandlers, timeoutMs: number) {
    this.#connected = (async () => {
      const server = new McpServer(SERVER_INFO, SERVER_OPTIONS)
      registerTools(server, handlers)
      const transport = new RPCServerTransport({ timeout: timeoutMs })
      await server.connect(transport)
      await transport.handle(initialize)
      return transport
    })()
  }

  /** The response to `message`; an id still in use is refused by name, as a JSON-RPC error. */
  async call(message: JSONRPCRequest): Promise<JSONRPCMessage | undefined> {
    const key = String(message.id)
    if (this.#running.has(key)) return refusal(message, `id ${JSON.stringify(message.id)} belongs to a call still running in this session; send each request with an id of its own`)
    this.#running.add(key)
    try {
      const answer = await (await this.#connected).handle(message)
      // Anything the tool sent on the way (none of ours does) goes before the response; only the response is kept.
      return [answer ?? []].flat().find((m) => 'id' in m && m.id === message.id)
    } finally {
      this.#running.delete(key)
    }
  }
}

function refusal(message: JSONRPCRequest, why: string): JSONRPCMessage {
  return { jsonrpc: '2.0', id: message.id, error: { code: -32600, message: `Invalid Request: ${why}` } }
}
