// Three APIs in one server (cloudflare, github and stripe: about 2,800 operations): each its own namespace, base
// URL, credential and auth scheme, with one search over all of them and the same two tools.

import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSpec } from '../../codegen/load-spec.ts'
import { type BenchUpstream, startUpstream } from '../../scripts/tokens/start-upstream.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startRecordingProxy } from '../support/recording-proxy.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const APIS = ['cloudflare', 'github', 'stripe'] as const
const SPECS = { cloudflare: 'cloudflare.json', github: 'github.yaml', stripe: 'stripe.yaml' }
// Stripe's basic auth takes the secret key as the user name and an empty password: "<key>:".
const SECRETS = { CLOUDFLARE_API_TOKEN: 'cf-token-91c2', GH_TOKEN: 'gh-token-5d7e', STRIPE_API_TOKEN: 'sk_test_4b8f:' }
// Prism never finishes loading Stripe's full spec here; startUpstream (shared with bench:tokens) then serves a copy
// with references inlined two deep. It also fills the API-key headers some operations ask for beside the credential.
const prisms: BenchUpstream[] = []
const proxies: Record<string, Awaited<ReturnType<typeof startRecordingProxy>>> = {}
let server: TestServer
let client: Client

beforeAll(async () => {
  const generated = generate(APIS.map((api) => join(SHARED_SPECS, SPECS[api])))
  // Prism takes seconds per large spec; the three start side by side.
  await Promise.all(
    APIS.map(async (api) => {
      const prism = await startUpstream(loadSpec(join(SHARED_SPECS, SPECS[api])).doc)
      prisms.push(prism)
      proxies[api] = await startRecordingProxy(prism.url)
    }),
  )
  const API_CONFIG = {
    cloudflare: { baseUrl: proxies.cloudflare?.url },
    github: { baseUrl: proxies.github?.url, auth: { secret: 'GH_TOKEN' } },
    stripe: { baseUrl: proxies.stripe?.url, auth: { scheme: 'basicAuth' } },
  }
  server = await startServer({ generated, vars: { API_CONFIG }, secrets: SECRETS })
  client = await connect(server.mcpUrl)
}, 600_000)

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await Promise.all([...Object.values(proxies).map((p) => p.stop()), ...prisms.map((p) => p.stop())])
})

describe('tools/list', () => {
  it('still lists exactly search and execute, naming the three APIs and nothing more', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['execute', 'search'])
    for (const tool of tools) for (const api of APIS) expect(tool.description).toContain(api)
    // Constant in the size of the APIs: 2,800 operations cost the same few hundred tokens as one.
    expect(JSON.stringify(tools).length).toBeLessThan(4000)
  })
})

describe('search over every API', () => {
  it('names the API of each result', async () => {
    const { text, isError } = await callTool(client, 'search', { query: 'list repositories for an organization' })
    expect(isError).toBe(false)
    expect(text).toContain('github.reposListForOrg')
  })

  it('refuses a query no request needs, by its length, and keeps serving', async () => {
    // 64,000 characters of one identifier-like word took ranking and near-name matching seconds of CPU.
    const { text, isError } = await callTool(client, 'search', { query: 'zonesGet'.repeat(8_000) })
    expect({ text, isError }).toEqual({
      text: 'The query is 64,000 characters; search takes at most 500. Search with a few words (a resource and a verb), an exact operation name, "METHOD /path" or a type name.',
      isError: true,
    })
    expect((await callTool(client, 'search', { query: 'list customers', api: 'stripe' })).isError).toBe(false)
  })

  it('limits results to one API when asked', async () => {
    const { text } = await callTool(client, 'search', { query: 'list customers', api: 'stripe' })
    const results = text.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(results.length).toBeGreaterThan(0)
    for (const line of results) expect(line).toMatch(/^\d+\. stripe\./)
  })

  it.each([
    ['cloudflare.zonesGet', 'GET /zones'],
    ['github.reposGet', 'GET /repos/{owner}/{repo}'],
    ['stripe.getBalance', 'GET /v1/balance'],
  ])('finds %s by its exact name', async (name, route) => {
    const { text } = await callTool(client, 'search', { query: name })
    expect(text.split('\n')[0]).toContain(`${name} — ${route}`)
  })
})

describe('execute across APIs', () => {
  it('calls all three in one run, each at its own base URL with its own credential and scheme', async () => {
    const code = `async () => {
      const zones = await cloudflare.zonesGet({ per_page: 5 })
      const repos = await github.reposListForOrg({ org: 'octo', per_page: 1 })
      const balance = await stripe.getBalance()
      return [typeof zones, Array.isArray(repos), typeof balance]
    }`
    const { text, isError } = await callTool(client, 'execute', { code })
    expect(isError, text).toBe(false)
    expect(JSON.parse(text)).toMatchObject({ result: ['object', true, 'object'], meter: { apiCalls: 3 } })
    expect(proxies.cloudflare?.requests.at(-1)).toMatchObject({ url: '/zones?per_page=5', headers: { authorization: `Bearer ${SECRETS.CLOUDFLARE_API_TOKEN}` } })
    expect(proxies.github?.requests.at(-1)).toMatchObject({ url: '/orgs/octo/repos?per_page=1', headers: { authorization: `Bearer ${SECRETS.GH_TOKEN}` } })
    expect(proxies.stripe?.requests.at(-1)).toMatchObject({ url: '/v1/balance', headers: { authorization: `Basic ${btoa(SECRETS.STRIPE_API_TOKEN)}` } })
  })

  it('keeps each namespace to its own operations', async () => {
    const { text, isError } = await callTool(client, 'execute', { code: 'async () => github.zonesGet({})' })
    expect(isError).toBe(true)
    expect(text).toMatch(
      /^Not run: checked before running, nothing was sent\. Fix these and call execute again:\nline 1: github\.zonesGet is not an operation of github\. (Did you mean [^?]+\? )?Use search/,
    )
  })
})
