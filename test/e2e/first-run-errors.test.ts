// What a newcomer meets before anything is set up: a call that needs a credential the server does not have fails
// before sending, naming the secret to set; an upstream that cannot be reached says so, with the base URL and where
// it came from, and without the runtime's internal reference. Hosts under .invalid never resolve, anywhere.
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const FIXTURES = join(import.meta.dirname, '__fixtures__')
let server: TestServer
let client: Client
let echo: EchoUpstream

beforeAll(async () => {
  echo = await startEchoUpstream()
  server = await startServer({
    generated: generate(
      [join(FIXTURES, 'open.yaml'), join(FIXTURES, 'locked.yaml'), join(FIXTURES, 'open.yaml'), join(FIXTURES, 'locked.yaml')],
      ['open', 'locked', 'elsewhere', 'reachable'],
    ),
    vars: { API_CONFIG: { elsewhere: { baseUrl: 'http://127.0.0.1:9' }, reachable: { baseUrl: echo.url } } },
  })
  client = await connect(server.mcpUrl)
}, 120_000)

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await echo?.stop()
})

const run = (code: string) => callTool(client, 'execute', { code })

describe('first-run errors', () => {
  it('refuses, before sending, a call that needs a credential none of which is configured, naming the secret to set', async () => {
    const mark = echo.requests.length
    expect(await run('async () => reachable.listThings()')).toEqual({
      isError: true,
      text:
        'reachable.listThings: this operation needs a credential (it accepts key, or bearer), and this server has none for this API, so nothing was sent. ' +
        'The operator can set REACHABLE_BEARER, or REACHABLE_KEY: in .dev.vars for npm start (a line REACHABLE_BEARER=…), or with npx wrangler secret put REACHABLE_BEARER when deployed. Retrying will not help.',
    })
    expect(echo.requests.slice(mark)).toEqual([])
  })

  it('still sends an operation that declares it needs no credential', async () => {
    const { isError, text } = await run('async () => (await reachable.health()).url')
    expect({ isError, result: JSON.parse(text).result }).toEqual({ isError: false, result: '/health' })
  })

  it("names the spec's servers[0] when the upstream cannot be reached, and how to point elsewhere", async () => {
    expect(await run('async () => open.ping()')).toEqual({
      isError: true,
      text:
        'open.ping: could not reach http://api.unreachable.invalid: no connection could be made (no network, a name that does not resolve, or a refused port). ' +
        "The base URL http://api.unreachable.invalid/v1 comes from the spec's servers[0]; to use another, set API_CONFIG.open.baseUrl in wrangler.jsonc. Retrying will not help until the API is reachable.",
    })
  })

  it('names API_CONFIG when the configured base URL cannot be reached', async () => {
    const { isError, text } = await run('async () => elsewhere.ping()')
    expect(isError).toBe(true)
    expect(text).toMatch(/^elsewhere\.ping: could not reach http:\/\/127\.0\.0\.1:9: .+\. The base URL http:\/\/127\.0\.0\.1:9 comes from API_CONFIG\.elsewhere\.baseUrl\. /)
    expect(text).not.toMatch(/reference|internal error/i)
  })
})
