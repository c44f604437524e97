// The two tools, registered on any McpServer. Knows nothing of the transport or of Durable Objects: the caller
// supplies what search and execute do.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { ElicitResultSchema } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { executeDescription, searchDescription } from './tool-descriptions.ts'

export interface ToolAnswer {
  text: string
  isError?: boolean
}

export interface ToolHandlers {
  apis: string[]
  search(args: { query: string; api?: string; page?: number }): Promise<ToolAnswer> | ToolAnswer
  /** Absent when the user may call nothing: then execute is not registered. */
  execute?(args: { code: string; dryRun?: boolean }, context: ExecuteContext): Promise<ToolAnswer>
}

/** Asks the human behind the client a yes/no question, withdrawn when `signal` aborts; undefined when the client cannot be asked. */
export type AskHuman = (message: string, signal?: AbortSignal) => Promise<boolean>

export interface ExecuteContext {
  ask?: AskHuman
}

export function registerTools(server: McpServer, handlers: ToolHandlers): void {
  server.registerTool(
    'search',
    {
      description: searchDescription(handlers.apis),
      inputSchema: {
        query: z.string().min(1).describe('Words, an exact operation name, "METHOD /path", or a type name'),
        ...(handlers.apis.length
          ? {
              api: z
                .enum(handlers.apis as [string, ...string[]])
                .optional()
                .describe('Limit to one API'),
            }
          : {}),
        page: z.number().int().min(1).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => toResult(await safely(() => handlers.search(args))),
  )
  const execute = handlers.execute
  if (!execute) return
  server.registerTool(
    'execute',
    {
      description: executeDescription(handlers.apis),
      inputSchema: { code: z.string().min(1).describe('TypeScript: an async arrow function, or a function body'), dryRun: z.boolean().optional() },
    },
    async (args, extra) => {
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
      return toResult(await safely(() => execute(args, { ask })))
    },
  )
}

const APPROVAL_SCHEMA = {
  type: 'object' as const,
  properties: { approve: { type: 'boolean' as const, title: 'Approve', description: 'Allow this call to change data' } },
  required: ['approve'],
}

async function safely(fn: () => Promise<ToolAnswer> | ToolAnswer): Promise<ToolAnswer> {
  try {
    return await fn()
  } catch (err) {
    console.error('tool failed', err)
    return { text: `Internal error: ${(err as Error).message.replace(/\.$/, '')}. The server is still running; try again.`, isError: true }
  }
}

const toResult = (a: ToolAnswer) => ({ content: [{ type: 'text' as const, text: a.text }], ...(a.isError ? { isError: true } : {}) })
