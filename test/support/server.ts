// The real Worker under workerd, through wrangler's startWorker, serving a chosen set of generated APIs, and the
// official MCP SDK client connected over Streamable HTTP.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { unstable_startWorker } from 'wrangler'
import { ROOT } from './generate.ts'
import { LOCAL_V8_FLAGS } from './local-v8-flags.ts'

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
process.env.MINIFLARE_WORKERD_V8_FLAGS = LOCAL_V8_FLAGS
process.env.WRANGLER_SEND_METRICS = 'false'

export interface TestServer {
  url: URL
  mcpUrl: URL
  /** The folder holding this server's KV and Durable Object state (removed by stop). */
  persistDir: string
  stop(): Promise<void>
}

export interface StartServerOptions {
  generated: string
  /** Worker vars and secrets, e.g. { API_CONFIG: {...}, PETSTORE_API_TOKEN: 'x' }. */
  vars?: Record<string, unknown>
  secrets?: Record<string, string>
  /** `log` shows the Worker's console.log lines (audit lines) on this process's stdout; default `warn`. */
  logLevel?: 'error' | 'warn' | 'log'
  /** Default: any free port. */
  port?: number
}

export async function startServer(options: StartServerOptions): Promise<TestServer> {
  const bindings: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(options.vars ?? {})) bindings[k] = typeof v === 'string' ? { type: 'plain_text', value: v } : { type: 'json', value: v }
  for (const [k, v] of Object.entries(options.secrets ?? {})) bindings[k] = { type: 'secret_text', value: v }
  const state = mkdtempSync(join(tmpdir(), 'codemode-state-'))
  const worker = await unstable_startWorker({
    config: join(ROOT, 'wrangler.jsonc'),
    build: { alias: { '@generated/apis': join(options.generated, 'apis.ts') } },
    // The artifacts of the chosen APIs, in place of wrangler.jsonc's assets.directory (binding and routing stay).
    assets: join(options.generated, 'assets'),
    bindings: bindings as never,
    // Each server keeps its KV and Durable Object state in its own folder: servers run side by side in the suites,
    // and a shared local store (.wrangler/state) failed their OAUTH_KV writes ("KV DELETE failed: 500").
    dev: {
      server: { hostname: '127.0.0.1', port: options.port ?? 0 },
      inspector: false,
      remote: false,
      watch: false,
      logLevel: options.logLevel ?? 'warn',
      persist: state,
    } as never,
  })
  await worker.ready
  const url = new URL(String(await worker.url))
  const stop = async () => {
    await worker.dispose()
    rmSync(state, { recursive: true, force: true })
  }
  return { url, mcpUrl: new URL('/mcp', url), persistDir: state, stop }
}

export async function connect(mcpUrl: URL, options: ConstructorParameters<typeof Client>[1] = {}): Promise<Client> {
  const client = new Client({ name: 'codemode-tests', version: '1.0.0' }, options)
  await client.connect(new StreamableHTTPClientTransport(mcpUrl))
  return client
}

export interface ToolText {
  text: string
  isError: boolean
}

/** Calls a tool and returns its single text block. */
export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<ToolText> {
  const result = (await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 })) as { content: { type: string; text: string }[]; isError?: boolean }
  return { text: result.content.map((c) => c.text).join('\n'), isError: result.isError === true }
}
