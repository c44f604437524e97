// The three client-side baselines for one or more specs: the flat tool list a naive server exposes (all
// parameters, and required ones only) and the tool list of the nearest peer, @cloudflare/codemode's
// openApiMcpServer, instantiated for the same spec and listed by the MCP SDK client over an in-memory transport.
import type { Executor } from '@cloudflare/codemode'
import { openApiMcpServer } from '@cloudflare/codemode/mcp'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { convertSwagger2 } from '../../codegen/convert-swagger2.ts'
import { loadSpec } from '../../codegen/load-spec.ts'
import type { Json } from '../../codegen/resolve-ref.ts'
import { buildFlatTools, type FlatTool } from './build-flat-tools.ts'
import { addCounts, countJsonTokens, type TokenCount } from './count-tokens.ts'

export interface SpecMeasure {
  operations: number
  flat: TokenCount
  flatRequired: TokenCount
  /** The peer serves one spec per server: several specs cost one server's tool list each. */
  peer: TokenCount
}

export interface NamedSpec {
  api: string
  doc: Json
}

/** Loads a spec file as the codegen does (Swagger 2.0 converted to OpenAPI 3). */
export async function readSpec(api: string, file: string): Promise<NamedSpec> {
  const { doc } = loadSpec(file)
  return { api, doc: (await convertSwagger2(file, doc)).doc }
}

/** Measures the baselines; with several specs the flat list holds every API's tools, names prefixed by API. */
export async function measureSpecs(specs: NamedSpec[]): Promise<SpecMeasure> {
  const several = specs.length > 1
  const flat = (requiredOnly: boolean) => {
    const tools: FlatTool[] = []
    for (const { api, doc } of specs) {
      for (const tool of buildFlatTools(doc, { requiredOnly }).tools) tools.push(several ? { ...tool, name: `${api}_${tool.name}`.slice(0, 64) } : tool)
    }
    return tools
  }
  const all = flat(false)
  const operations = all.length
  const flatTokens = countJsonTokens({ tools: all })
  const flatRequired = countJsonTokens({ tools: flat(true) })
  const peers: TokenCount[] = []
  for (const { doc } of specs) peers.push(countJsonTokens(await listPeerTools(doc)))
  return { operations, flat: flatTokens, flatRequired, peer: addCounts(...peers) }
}

// Listing tools never runs code, so the executor is never called; it says so if it ever is.
const LIST_ONLY_EXECUTOR: Executor = {
  execute: async () => ({ result: undefined, error: 'this executor only serves tools/list in the token benchmark' }),
}

/** Returns the peer's `tools/list` result for a spec, exactly as an MCP client receives it. */
async function listPeerTools(spec: Json): Promise<unknown> {
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
