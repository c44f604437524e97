// The SDK v1 adapter: registers the tools of tool-definitions.ts on an `@modelcontextprotocol/sdk` McpServer (the
// McpAgent's, at /mcp and /sse). A session there can call back into the client, so a write needing approval is
// asked of the human through MCP elicitation when the client supports it.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { ElicitResultSchema } from '@modelcontextprotocol/sdk/types.js'
import { type AskHuman, type ToolHandlers, toolDefinitions } from './tool-definitions.ts'

export function registerTools(server: McpServer, handlers: ToolHandlers): void {
  for (const tool of toolDefinitions(handlers)) {
    server.registerTool(
      tool.name,
      { description: tool.description, inputSchema: tool.inputShape, ...(tool.annotations ? { annotations: tool.annotations } : {}) },
      async (args: Record<string, unknown>, extra) => {
        const canAsk = server.server.getClientCapabilities()?.elicitation !== undefined
        const ask: AskHuman | undefined = canAsk
          ? async (message, signal) => {
              const answer = await extra.sendRequest({ method: 'elicitation/create', params: { message, requestedSchema: APPROVAL_SCHEMA } }, ElicitResultSchema, {
                timeout: 300_000,
                signal,
              })
              return answer.action === 'accept' && answer.content?.approve === true
            }
          : undefined
        return tool.call(args, { ask })
      },
    )
  }
}

const APPROVAL_SCHEMA = {
  type: 'object' as const,
  properties: { approve: { type: 'boolean' as const, title: 'Approve', description: 'Allow this call to change data' } },
  required: ['approve'],
}
