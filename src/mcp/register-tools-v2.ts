// The SDK v2 adapter: registers the tools of tool-definitions.ts on an `@modelcontextprotocol/server` McpServer,
// which createMcpHandler (agents/mcp/server) serves statelessly at /mcp/stateless. Such a server cannot call back
// into the client, so execute gets no way to ask a human: writes needing approval are refused (tool-handlers.ts).
// tools/list says what the v1 adapter's does, to the byte once parsed: the JSON Schema dialect v1 emits (draft-07;
// v2 would say 2020-12), and, to 2025-era clients, v1's `execution.taskSupport` (a field the 2026 era removed).
import type { McpServer, StandardSchemaWithJSON } from '@modelcontextprotocol/server'
import { type ToolHandlers, toolDefinitions, toolInput } from './tool-definitions.ts'

export function registerToolsV2(server: McpServer, handlers: ToolHandlers, era: 'legacy' | 'modern'): void {
  for (const tool of toolDefinitions(handlers)) {
    const registered = server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: draft7Object(tool), ...(tool.annotations ? { annotations: tool.annotations } : {}) },
      async (args) => tool.call(args as Record<string, unknown>, {}),
    )
    if (era === 'legacy') registered.execution = { taskSupport: 'forbidden' }
  }
}

/** The tool's input schema, made once per shape, as draft-07. */
const drafts = new WeakMap<object, StandardSchemaWithJSON>()

function draft7Object(tool: Parameters<typeof toolInput>[0]): StandardSchemaWithJSON {
  const object = toolInput(tool)
  let schema = drafts.get(object)
  if (!schema) {
    schema = asDraft7(object)
    drafts.set(object, schema)
  }
  return schema
}

/** The schema, validating as itself, whose JSON Schema is always the draft-07 one the SDK v1 McpServer lists. */
function asDraft7<S extends StandardSchemaWithJSON>(schema: S): StandardSchemaWithJSON {
  const standard = schema['~standard']
  return {
    '~standard': {
      ...standard,
      jsonSchema: {
        input: (options) => standard.jsonSchema.input({ ...options, target: 'draft-07' }),
        output: (options) => standard.jsonSchema.output({ ...options, target: 'draft-07' }),
      },
    },
  }
}
