// Without sign-in the server acts for anyone with the operator's credentials, so the real Worker answers /mcp only
// on loopback; a deployed host name is refused until the operator chooses sign-in or an explicitly public server.
import { request } from 'node:http'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startServer, type TestServer } from '../support/server.ts'

let closed: TestServer
let open: TestServer

beforeAll(async () => {
  const generated = generate([join(SHARED_SPECS, 'petstore.yaml')])
  ;[closed, open] = await Promise.all([
    startServer({ generated, vars: { ALLOWED_HOSTS: 'mcp.example.com' } }),
    startServer({ generated, vars: { ALLOWED_HOSTS: 'mcp.example.com', SIGN_IN: 'public' } }),
  ])
}, 120_000)

afterAll(async () => {
  await closed?.stop()
  await open?.stop()
})

/** An MCP initialize POSTed to the server (at /mcp unless `path` says) under the given Host header. */
function initialize(server: TestServer, host: string, path = '/mcp'): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })
  return send(server, host, 'POST', path, body)
}

/** One request under the given Host header: its status, and its body unless it is a stream that stays open. */
function send(server: TestServer, host: string, method: string, path: string, body = ''): Promise<{ status: number; body: string }> {
  const headers = { host, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }
  return new Promise((resolve, reject) => {
    const req = request({ host: server.url.hostname, port: server.url.port, path, method, headers }, (res) => {
      if (res.headers['content-type']?.startsWith('text/event-stream') && method === 'GET') {
        res.destroy()
        return resolve({ status: res.statusCode ?? 0, body: '' })
      }
      let text = ''
      res.on('data', (c) => {
        text += c
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('the sign-in gate in front of /mcp', () => {
  it('serves loopback with no sign-in configured', async () => {
    expect((await initialize(closed, `127.0.0.1:${closed.url.port}`)).status).toBe(200)
  })

  it('refuses an allowed, non-loopback host with no sign-in configured, naming the setting', async () => {
    const { status, body } = await initialize(closed, 'mcp.example.com')
    expect(status).toBe(403)
    expect(JSON.parse(body).error.message).toBe(
      'This server has no sign-in, so it answers only on loopback, not on mcp.example.com: anyone reaching it would act with the operator\'s API credentials. Set vars.SIGN_IN in wrangler.jsonc: "public" to serve everyone without sign-in (only for APIs that are safe to share).',
    )
  })

  it('gates the legacy SSE transport at /sse the same way', async () => {
    const client = new Client({ name: 't', version: '1' })
    await client.connect(new SSEClientTransport(new URL('/sse', closed.url)))
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
    await client.close()
    const { status } = await send(closed, 'mcp.example.com', 'GET', '/sse')
    expect(status).toBe(403)
  })

  it('gates the stateless route at /mcp/stateless the same way, and refuses a host not allowed at all', async () => {
    expect((await initialize(closed, `127.0.0.1:${closed.url.port}`, '/mcp/stateless')).status).toBe(200)
    const [stateless, mcp] = [await initialize(closed, 'mcp.example.com', '/mcp/stateless'), await initialize(closed, 'mcp.example.com')]
    expect(stateless).toEqual(mcp)
    expect(stateless.status).toBe(403)
    const foreign = await initialize(closed, 'evil.example', '/mcp/stateless')
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body).error.message).toBe('Host "evil.example" is not allowed. Add it to ALLOWED_HOSTS in wrangler.jsonc vars.')
    const opened = await initialize(open, 'mcp.example.com', '/mcp/stateless')
    expect(opened.status).toBe(200)
    expect(opened.body).toContain('"serverInfo"')
  })

  it('serves that host when the operator chose a public server', async () => {
    const { status, body } = await initialize(open, 'mcp.example.com')
    expect(status).toBe(200)
    expect(body).toContain('"serverInfo"')
  })
})
