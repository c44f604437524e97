// Other clients against a signed-in server: a user signs in once (the SDK's OAuth flow, a real OIDC server), then
// the MCP Inspector CLI and mcp-remote connect with that bearer token; without it they are refused.
import { execFile, spawn } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { OAuth2Server } from 'oauth2-mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, ROOT, SHARED_SPECS } from '../support/generate.ts'
import { identitySignIn, startIdentityProvider } from '../support/identity-provider.ts'
import { connectSignedIn, MemoryOAuthClient } from '../support/oauth-client.ts'
import { startServer, type TestServer } from '../support/server.ts'

const INSPECTOR = join(ROOT, 'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js')
const MCP_REMOTE = join(ROOT, 'node_modules/mcp-remote/dist/proxy.js')

let idp: OAuth2Server
let server: TestServer
let token: string

beforeAll(async () => {
  idp = await startIdentityProvider()
  server = await startServer({
    generated: generate([join(SHARED_SPECS, 'petstore.yaml')]),
    ...identitySignIn(idp),
  })
  const provider = new MemoryOAuthClient()
  await (await connectSignedIn(server.mcpUrl, provider)).close()
  token = provider.tokens()!.access_token
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await idp?.stop()
})

const inspect = (...args: string[]) =>
  promisify(execFile)(process.execPath, [INSPECTOR, '--cli', server.mcpUrl.href, '--transport', 'http', ...args], { cwd: ROOT, timeout: 60_000 })

/** Sends newline-delimited JSON-RPC to mcp-remote on stdin and collects the answers with the given ids. */
function throughMcpRemote(headers: string[], messages: object[], ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MCP_REMOTE, server.mcpUrl.href, '--transport', 'http-only', ...headers.flatMap((h) => ['--header', h])], {
      cwd: ROOT,
      env: { ...process.env, MCP_REMOTE_CONFIG_DIR: join(ROOT, 'node_modules/.cache/mcp-remote-test') },
    })
    const answers = new Map<number, Record<string, unknown>>()
    let buffer = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`mcp-remote answered ${[...answers.keys()].join(', ') || 'nothing'} of ${ids.join(', ')}`))
    }, 60_000)
    child.stdout.on('data', (chunk) => {
      buffer += chunk
      for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
        const line = buffer.slice(0, at)
        buffer = buffer.slice(at + 1)
        const message = JSON.parse(line) as Record<string, unknown>
        if (typeof message.id === 'number') answers.set(message.id, message)
      }
      if (ids.every((id) => answers.has(id))) {
        clearTimeout(timer)
        child.kill()
        resolve(answers)
      }
    })
    for (const m of messages) child.stdin.write(`${JSON.stringify(m)}\n`)
  })
}

describe('clients of a signed-in server', () => {
  it('MCP Inspector CLI lists the tools with the bearer token, and is refused without it', async () => {
    const { stdout } = await inspect('--method', 'tools/list', '--header', `Authorization: Bearer ${token}`)
    expect((JSON.parse(stdout) as { tools: { name: string }[] }).tools.map((t) => t.name).sort()).toEqual(['execute', 'search'])
    await expect(inspect('--method', 'tools/list')).rejects.toThrow()
  })

  it('mcp-remote bridges stdio to the signed-in server with the bearer token', async () => {
    const answers = await throughMcpRemote(
      [`Authorization: Bearer ${token}`],
      [
        { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'remote-test', version: '1' } } },
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'execute', arguments: { code: 'async () => 6 * 7' } } },
      ],
      [1, 2],
    )
    const call = answers.get(2)?.result as { content: { text: string }[] }
    expect(JSON.parse(call.content[0]!.text).result).toBe(42)
  })
})
