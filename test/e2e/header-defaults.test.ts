// A header the spec requires with one value it gives (PagerDuty's versioning `Accept`, a one-member `Content-Type`
// enum) is the host's to send: the model's signature does not ask for it, the request carries it, and a value the
// call gives still wins. A required header with no such value stays the model's to give. Real Worker in workerd,
// a recording echo upstream.
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const SPEC = join(import.meta.dirname, '__fixtures__/versioned.yaml')
const VERSION = 'application/vnd.versioned+json;version=2'

let echo: EchoUpstream
let server: TestServer
let client: Client

beforeAll(async () => {
  echo = await startEchoUpstream()
  server = await startServer({ generated: generate([SPEC]), vars: { API_CONFIG: { versioned: { baseUrl: `${echo.url}/base` } } } })
  client = await connect(server.mcpUrl)
}, 300_000)

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await echo?.stop()
})

const run = async (code: string) => callTool(client, 'execute', { code })

describe('headers the spec fixes', () => {
  it('leaves them out of what the model must give', async () => {
    const { text } = await callTool(client, 'search', { query: 'versioned.listIncidents' })
    expect(text).toContain('versioned.listIncidents(input?: {')
    expect(text).not.toMatch(/\bAccept: string/)
    const create = await callTool(client, 'search', { query: 'versioned.createIncident' })
    expect(create.text).toMatch(/From: string/)
    expect(create.text).not.toMatch(/\bAccept: string/)
  })

  it('sends the value the spec gives when the call gives none', async () => {
    const mark = echo.requests.length
    const { isError, text } = await run('async () => { await versioned.listIncidents(); return "ok" }')
    expect(isError, text).toBe(false)
    const sent = echo.requests.slice(mark)
    expect(sent).toHaveLength(1)
    // Then JSON: specs that version by Accept often declare their responses as plain application/json.
    expect(sent[0]?.headers.accept).toBe(`${VERSION}, application/json;q=0.9, */*;q=0.5`)
    expect(sent[0]?.headers['content-type']).toBe('application/json')
  })

  it('sends what the call gives instead', async () => {
    const mark = echo.requests.length
    const { isError, text } = await run(`async () => { await versioned.listIncidents({ Accept: 'application/vnd.versioned+json;version=3' }); return "ok" }`)
    expect(isError, text).toBe(false)
    expect(echo.requests.slice(mark)[0]?.headers.accept).toBe('application/vnd.versioned+json;version=3')
  })

  it('still refuses a call without a required header the spec gives no value for, and sends nothing', async () => {
    const mark = echo.requests.length
    const { isError, text } = await run(`async () => versioned.createIncident({ body: { title: 'db down' } })`)
    expect(isError).toBe(true)
    expect(text).toContain('From')
    expect(echo.requests.slice(mark)).toEqual([])
  })
})
