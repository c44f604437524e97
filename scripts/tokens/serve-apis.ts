// This server, for real: the specs through the project's codegen, the Worker under workerd, the official MCP
// client over Streamable HTTP. Also loads each API's operation table, which the task runner uses for inputs.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { ApiMeta, JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { generate } from '../../test/support/generate.ts'
import { connect, startServer } from '../../test/support/server.ts'
import type { TaskApi } from './run-task.ts'

export interface ServedApis {
  client: Client
  apis: Record<string, TaskApi & { meta: ApiMeta }>
  /** The `tools/list` result, as the client received it. */
  toolList: unknown
  /** For more clients, each its own MCP session. */
  mcpUrl: URL
  stop(): Promise<void>
}

export interface ServeApisOptions {
  /** Base URL per API, e.g. a Prism upstream; the spec's own server when absent. */
  baseUrls?: Record<string, string>
  /** Extra Worker vars (limits, say) and secrets (a scheme's own credential). */
  vars?: Record<string, unknown>
  secrets?: Record<string, string>
}

/** Generates artifacts for the specs (`names` gives each its namespace) and starts the Worker serving them. */
export async function serveApis(specFiles: string[], names: string[], options: ServeApisOptions = {}): Promise<ServedApis> {
  const generated = generate(specFiles, names)
  const apis: ServedApis['apis'] = {}
  for (const api of names) {
    const table = JSON.parse(readFileSync(join(generated, api, 'operations.json'), 'utf8')) as { meta: ApiMeta; operations: OperationSpec[] }
    const schemas = JSON.parse(readFileSync(join(generated, api, 'schemas.json'), 'utf8')) as Record<string, JsonSchema>
    apis[api] = { meta: table.meta, byName: new Map(table.operations.map((op) => [op.name, op])), schemas }
  }
  const config = Object.fromEntries(Object.entries(options.baseUrls ?? {}).map(([api, baseUrl]) => [api, { baseUrl }]))
  const secrets = Object.fromEntries(names.map((api) => [`${api.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}_API_TOKEN`, `bench-token-${api}`]))
  const server = await startServer({ generated, vars: { API_CONFIG: config, ...options.vars }, secrets: { ...secrets, ...options.secrets } })
  const client = await connect(server.mcpUrl)
  const toolList = await client.listTools()
  return {
    client,
    apis,
    toolList,
    mcpUrl: server.mcpUrl,
    stop: async () => {
      await client.close()
      await server.stop()
    },
  }
}
