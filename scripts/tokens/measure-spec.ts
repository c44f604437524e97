// The three client-side baselines for one or more specs: the flat tool list a naive server exposes (all
// parameters, and required ones only) and the tool list of @cloudflare/codemode's openApiMcpServer.
import { convertSwagger2 } from '../../codegen/convert-swagger2.ts'
import { loadSpec } from '../../codegen/load-spec.ts'
import type { Json } from '../../codegen/resolve-ref.ts'
import { buildFlatTools, type FlatTool } from './build-flat-tools.ts'
import { addCounts, countJsonTokens, type TokenCount } from './count-tokens.ts'
import { listPeerTools } from './list-peer-tools.ts'

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
