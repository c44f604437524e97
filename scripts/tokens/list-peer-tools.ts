// The nearest peer: `openApiMcpServer` from @cloudflare/codemode, instantiated for the same spec and listed through
// the official MCP SDK client over an in-memory transport.
import type { Executor } from '@cloudflare/codemode'
import { openApiMcpServer } from '@cloudflare/codemode/mcp'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import type { Json } from '../../codegen/resolve-ref.ts'

// Listing tools never runs code, so the executor is never called; it says so if it ever is.
const LIST_ONLY_EXECUTOR: Executor = {
  execute: async () => ({ result: undefined, error: 'this executor only serves tools/list in the token benchmark' }),
}

/** Returns the peer's `tools/list` result for a spec, exactly as an MCP client receives it. */
export async function listPeerTools(spec: Json): Promise<unknown> {
  const server = openApiMcpServer({
    spec,
    executor: LIST_ONLY_EXECUTOR,
    request: async () => {
      throw new Error('the token benchmark never sends requests through the peer')
    },
  })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await server.connect(serverSide)
  const client = new Client({ name: 'bench-tokens', version: '1.0.0' })
  await client.connect(clientSide)
  try {
    return await client.listTools()
  } finally {
    await client.close()
    await server.close()
  }
}
