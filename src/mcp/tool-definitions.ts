// The two tools, search and execute, as data: name, description, zod input shape, annotations, and a call that
// turns the caller's handlers into a tool result. Knows nothing of the transport, the SDK version or Durable
// Objects: register-tools.ts puts them on an SDK v1 McpServer (the McpAgent at /mcp and /sse) and
// register-tools-v2.ts on an SDK v2 McpServer (the stateless route, src/mcp/serve-stateless.ts).
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

/** What the server says it is, and its capabilities, on every route (two SDK versions, one server). */
export const SERVER_INFO = { name: 'codemode-openapi-mcp', version: '0.1.0' }
export const SERVER_OPTIONS = { capabilities: { logging: {} } }

/** Asks the human behind the client a yes/no question, withdrawn when `signal` aborts; undefined when the client cannot be asked. */
export type AskHuman = (message: string, signal?: AbortSignal) => Promise<boolean>

export interface ExecuteContext {
  ask?: AskHuman
}

export interface ToolResult {
  [key: string]: unknown
  content: { type: 'text'; text: string }[]
  isError?: boolean
}

export interface ToolDefinition {
  name: 'search' | 'execute'
  description: string
  inputShape: z.ZodRawShape
  annotations?: { readOnlyHint: boolean }
  call(args: Record<string, unknown>, context: ExecuteContext): Promise<ToolResult>
}

/** search always; execute only when the user may call something. */
export function toolDefinitions(handlers: ToolHandlers): ToolDefinition[] {
  const { search: searchSpec, execute: executeSpec } = toolSpecs(handlers.apis)
  const search: ToolDefinition = {
    ...searchSpec,
    call: async (args) => toResult(await safely(() => handlers.search(args as Parameters<ToolHandlers['search']>[0]))),
  }
  const execute = handlers.execute
  if (!execute) return [search]
  return [search, { ...executeSpec, call: async (args, context) => toResult(await safely(() => execute(args as { code: string; dryRun?: boolean }, context))) }]
}

/** The z.object of a tool's input shape, made once per shape (the shapes are made once per list of APIs, below). */
export function toolInput(tool: Pick<ToolDefinition, 'inputShape'>): z.ZodObject {
  let schema = inputs.get(tool.inputShape)
  if (!schema) {
    schema = z.object(tool.inputShape)
    inputs.set(tool.inputShape, schema)
  }
  return schema
}

const inputs = new WeakMap<z.ZodRawShape, z.ZodObject>()

type ToolSpec = Omit<ToolDefinition, 'call'>

/**
 * The tools' descriptions and zod shapes for one list of APIs, made once per isolate and list: the stateless route
 * registers its tools on every request, and building them was most of that request's own work. They hold nothing
 * of a user but the list (the `api` enum); zod schemas are immutable, so requests with the same list share them.
 */
const specs = new Map<string, { search: ToolSpec; execute: ToolSpec }>()
const MAX_LISTS = 64

function toolSpecs(apis: string[]): { search: ToolSpec; execute: ToolSpec } {
  const key = apis.join('\n')
  let found = specs.get(key)
  if (!found) {
    if (specs.size >= MAX_LISTS) specs.clear()
    found = {
      search: {
        name: 'search',
        description: searchDescription(apis),
        inputShape: {
          query: z.string().min(1).describe('Words, an exact operation name, "METHOD /path", or a type name'),
          ...(apis.length
            ? {
                api: z
                  .enum(apis as [string, ...string[]])
                  .optional()
                  .describe('Limit to one API'),
              }
            : {}),
          page: z.number().int().min(1).optional(),
        },
        annotations: { readOnlyHint: true },
      },
      execute: {
        name: 'execute',
        description: executeDescription(apis),
        inputShape: { code: z.string().min(1).describe('TypeScript: an async arrow function, or a function body'), dryRun: z.boolean().optional() },
      },
    }
    specs.set(key, found)
  }
  return found
}

async function safely(fn: () => Promise<ToolAnswer> | ToolAnswer): Promise<ToolAnswer> {
  try {
    return await fn()
  } catch (err) {
    console.error('tool failed', err)
    return { text: `Internal error: ${(err as Error).message.replace(/\.$/, '')}. The server is still running; try again.`, isError: true }
  }
}

const toResult = (a: ToolAnswer): ToolResult => ({ content: [{ type: 'text' as const, text: a.text }], ...(a.isError ? { isError: true } : {}) })
