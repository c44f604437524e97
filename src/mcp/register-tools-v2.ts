// The SDK v2 adapter: registers the tools of tool-definitions.ts on an `@modelcontextprotocol/server` McpServer,
// which createMcpHandler (agents/mcp/server) serves statelessly at /mcp/stateless. Such a server cannot call back
// into the client, so execute gets no way to ask a human: writes needing approval are refused (tool-handlers.ts).
// tools/list says what the v1 adapter's does, to the byte once parsed: the JSON Schema dialect v1 emits (draft-07;
// v2 would say 2020-12), and, to 2025-era clients, v1's `execution.taskSupport` (a field the 2026 era removed).
import type { McpServer, StandardSchemaWithJSON } from '@modelcontextprotocol/server'
import { z } from 'zod'
import { type ToolHandlers, toolDefinitions } from './tool-definitions.ts'

export function registerToolsV2(server: McpServer, handlers: ToolHandlers, era: 'legacy' | 'modern'): void {
  for (const tool of toolDefinitions(handlers)) {
    const registered = server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: draft7Object(tool.inputShape), ...(tool.annotations ? { annotations: tool.annotations } : {}) },
      async (args) => tool.call(args as Record<string, unknown>, {}),
    )
    if (era === 'legacy') registered.execution = { taskSupport: 'forbidden' }
  }
}

/** The z.object of a tool's shape, made once per shape (tool-definitions.ts keeps each list's shapes for the isolate). */
const objects = new WeakMap<z.ZodRawShape, StandardSchemaWithJSON>()

function draft7Object(shape: z.ZodRawShape): StandardSchemaWithJSON {
  let schema = objects.get(shape)
  if (!schema) {
    schema = asDraft7(z.object(shape))
    objects.set(shape, schema)
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
