// The whole path once: the Cloudflare spec through codegen, served by the Worker in workerd, called with the
// official MCP client, with Prism as the upstream behind a recording proxy.

import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startPrism, type Upstream } from '../support/prism.ts'
import { startRecordingProxy } from '../support/recording-proxy.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const SECRET = 'cf-test-token-7f3a9c1e5b'
let prism: Upstream
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>
let server: TestServer
let client: Client

beforeAll(async () => {
  const generated = generate([join(SHARED_SPECS, 'cloudflare.json')])
  prism = await startPrism(join(SHARED_SPECS, 'cloudflare.json'))
  proxy = await startRecordingProxy(prism.url)
  server = await startServer({ generated, vars: { API_CONFIG: { cloudflare: { baseUrl: proxy.url } } }, secrets: { CLOUDFLARE_API_TOKEN: SECRET } })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await proxy?.stop()
  await prism?.stop()
})

const execute = (code: string) => callTool(client, 'execute', { code })

describe('tools/list', () => {
  it('lists exactly search and execute', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['execute', 'search'])
  })
})

describe('search', () => {
  it('finds operations by description, with their signatures', async () => {
    const { text, isError } = await callTool(client, 'search', { query: 'list dns records' })
    expect(isError).toBe(false)
    expect(text).toMatch(/^1\. cloudflare\.dnsRecordsForAZoneListDnsRecords — GET \/zones\/\{zone_id\}\/dns_records/m)
    expect(text).toMatch(/^1\. cloudflare\.dnsRecordsForAZoneListDnsRecords .*\n {3}\(input: \{ zone_id: string/m)
  })

  it('finds the purge operation among the first results', async () => {
    const { text } = await callTool(client, 'search', { query: 'purge cache' })
    const top = text
      .split('\n')
      .filter((l) => /^\d+\. /.test(l))
      .slice(0, 3)
      .join('\n')
    expect(top).toContain('cloudflare.zonePurge — POST /zones/{zone_id}/purge_cache')
  })

  it('returns the full signature and named types for an exact operation name', async () => {
    const { text } = await callTool(client, 'search', { query: 'zonesGet' })
    expect(text.split('\n')[0]).toBe('cloudflare.zonesGet — GET /zones — List Zones [pages by page number]')
    expect(text).toContain('cloudflare.zonesGet(input?: { name?: string;')
    expect(text).toMatch(/^type ZonesZone = \{/m)
  })
})

describe('execute', () => {
  it('calls the upstream and returns the parsed response', async () => {
    const { text, isError } = await execute('async () => { const r = await cloudflare.zonesGet({ per_page: 5 }); return r.result.map((z: { name: string }) => z.name) }')
    expect(isError).toBe(false)
    const answer = JSON.parse(text)
    expect(Array.isArray(answer.result)).toBe(true)
    expect(answer.meter.apiCalls).toBe(1)
    const sent = proxy.requests.at(-1)
    expect(sent?.method).toBe('GET')
    expect(sent?.url).toBe('/zones?per_page=5')
  })

  it('sends the credential upstream, from the Worker secret', async () => {
    await execute('async () => cloudflare.zonesGet()')
    expect(proxy.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`)
  })

  it('returns console output with the result', async () => {
    const { text } = await execute('async () => { console.log("hello", { a: 1 }); return 42 }')
    expect(JSON.parse(text)).toMatchObject({ result: 42, logs: ['hello {"a":1}'] })
  })

  it('never exposes the credential to the sandbox', async () => {
    const code = `async () => {
      const seen: string[] = []
      const g = globalThis as any
      for (const k of Object.getOwnPropertyNames(g)) { try { seen.push(k + '=' + String(g[k])) } catch {} }
      try { seen.push(JSON.stringify((g as any).env ?? null)) } catch {}
      try { seen.push(String((function(){ return this })())) } catch {}
      try { seen.push(String((function(){}).constructor('return this')())) } catch (e) { seen.push(String(e)) }
      // Computed, so that the checks before running leave these failing calls to the host.
      const [x, nope]: any[] = ['x', { nope: 1 }]
      try { await cloudflare.zonesGet({ per_page: x }) } catch (e: any) { seen.push(e.message, String(e.stack)) }
      try { await cloudflare.zonesGet(nope) } catch (e: any) { seen.push(e.message) }
      try { await cloudflare.request({ method: 'GET', path: '/nowhere' }) } catch (e: any) { seen.push(e.message) }
      return seen.join('\\n')
    }`
    const { text, isError } = await execute(code)
    expect(isError).toBe(false)
    expect(text.length).toBeGreaterThan(100)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('CLOUDFLARE_API_TOKEN')
  })

  it('blocks fetch() from model code', async () => {
    const { text, isError } = await execute(`async () => { const r = await fetch('${prism.url}/zones'); return r.status }`)
    expect(isError).toBe(true)
    expect(text).toMatch(/not permitted to access the internet/)
  })

  it('blocks connect() from model code', async () => {
    const port = new URL(prism.url).port
    const { text, isError } = await execute(
      `async () => { const { connect } = await import('cloudflare:sockets'); const s = connect({ hostname: '127.0.0.1', port: ${port} }); await s.opened; return 'connected' }`,
    )
    expect(isError).toBe(true)
    expect(text).not.toContain('connected')
  })
})

describe('execute errors name what went wrong and where', () => {
  it.each([
    ['a syntax error, with its line', 'async () => {\n  const x = ;\n}', /^SyntaxError at line 2, column \d+: Unexpected token/],
    ['a thrown error, with its line', 'async () => {\n  const n = 1\n  throw new Error("boom " + n)\n}', /^Error: boom 1 at line 3$/],
    [
      'an unknown operation',
      'async () => cloudflare.noSuchOperation({})',
      /^Not run: checked before running, nothing was sent\. Fix these and call execute again:\nline 1: cloudflare\.noSuchOperation is not an operation of cloudflare\. Use search/,
    ],
    [
      'an input that fails validation, with the field',
      'async () => cloudflare.zonesGet({ status: "on" as any })',
      /^Not run: checked before running, nothing was sent\. Fix these and call execute again:\nline 1: cloudflare\.zonesGet: status must be one of "initializing", "pending", "active", "moved"; got string "on"/,
    ],
    [
      'a wrong field name, with a suggestion',
      'async () => cloudflare.zonesGet({ per_pag: 5 } as any)',
      /^Not run: checked before running, nothing was sent\. Fix these and call execute again:\nline 1: cloudflare\.zonesGet: unknown field "per_pag"; did you mean per_page\?/,
    ],
    [
      'a missing required field',
      'async () => cloudflare.dnsRecordsForAZoneListDnsRecords({} as any)',
      /^Not run: checked before running, nothing was sent\. Fix these and call execute again:\nline 1: cloudflare\.dnsRecordsForAZoneListDnsRecords: zone_id is required/,
    ],
  ])('reports %s', async (_name, code, want) => {
    const { text, isError } = await execute(code)
    expect(isError).toBe(true)
    expect(text).toMatch(want)
  })

  it('keeps serving after errors', async () => {
    const { text, isError } = await execute('async () => 1 + 1')
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toBe(2)
  })
})
