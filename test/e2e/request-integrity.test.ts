// The host sends exactly the request it checked, with the credentials each operation needs, and no credential comes
// back to the model: attacks written as a hostile model would, in several forms each, against the real Worker in
// workerd. The upstream is a recording echo server that reflects what it receives (test/support/echo-upstream.ts);
// the credential semantics are also checked against Prism, which enforces Cloudflare's declared security.
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startPrism, type Upstream } from '../support/prism.ts'
import { type RecordedRequest, startRecordingProxy } from '../support/recording-proxy.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const HOSTILE = join(import.meta.dirname, '__fixtures__/hostile.yaml')
const SECRETS = {
  HOSTILE_TOKEN: 'Zq7tok-4f9a2c81e7d3b6',
  HOSTILE_EMAIL: 'ops-9c1e@example.com',
  HOSTILE_KEY: 'Kk3key-77d1e0a9b2',
  HOSTILE_BASIC: 'ops-user:Pw8pass-c7e1d2',
  HOSTILE_QKEY: 'Qq5query-0b8e6f1a',
  HOSTILE_CKEY: 'Cc2cookie-5e9d3a7b',
  PARTIAL_TOKEN: 'Pt4partial-31c8e2f0',
  CLOUDFLARE_API_TOKEN: 'Cf9token-a1b2c3d4e5',
}
const CF = { CLOUDFLARE_API_TOKEN: SECRETS.CLOUDFLARE_API_TOKEN, CLOUDFLARE_API_EMAIL: 'cf-ops@example.com', CLOUDFLARE_API_KEY: 'Cf1globalkey-0f9e8d7c' }
const ZONE = '023e105f4ecef8ad9ca31a8372d0c353'
/** Every secret, the basic-auth forms derived from one, and an 8-character prefix of each: none may reach the model. */
const FORBIDDEN = [...Object.values(SECRETS), btoa(SECRETS.HOSTILE_BASIC), 'Pw8pass-c7e1d2'].flatMap((s) => [s, s.slice(0, 8)])

let echo: EchoUpstream
let prism: Upstream
let proxy: { url: string; requests: RecordedRequest[]; stop(): Promise<void> }
let servers: TestServer[] = []
let client: Client
let cfToken: Client
let cfFull: Client

beforeAll(async () => {
  const generated = generate([join(SHARED_SPECS, 'cloudflare.json'), HOSTILE, HOSTILE], ['cloudflare', 'hostile', 'partial'])
  ;[echo, prism] = await Promise.all([startEchoUpstream(), startPrism(join(SHARED_SPECS, 'cloudflare.json'))])
  proxy = await startRecordingProxy(prism.url)
  const onPrism = { API_CONFIG: { cloudflare: { baseUrl: proxy.url } } }
  servers = await Promise.all([
    startServer({
      generated,
      vars: {
        API_CONFIG: {
          cloudflare: { baseUrl: `${echo.url}/client/v4`, deny: ['zones0Delete'] },
          hostile: { baseUrl: `${echo.url}/base` },
          partial: { baseUrl: `${echo.url}/base` },
        },
      },
      secrets: SECRETS,
    }),
    startServer({ generated, vars: onPrism, secrets: { CLOUDFLARE_API_TOKEN: CF.CLOUDFLARE_API_TOKEN } }),
    startServer({ generated, vars: onPrism, secrets: CF }),
  ])
  const clients = await Promise.all(servers.map((s) => connect(s.mcpUrl)))
  ;[client, cfToken, cfFull] = clients as [Client, Client, Client]
}, 300_000)

afterAll(async () => {
  await Promise.all([client, cfToken, cfFull].map((c) => c?.close()))
  await Promise.all(servers.map((s) => s.stop()))
  await Promise.all([echo?.stop(), proxy?.stop(), prism?.stop()])
})

/**
 * Runs each call expression in one execute; each settles to { ok } or { error }. The namespaces are passed in as
 * parameters, so the checks before running leave these deliberately bad calls to the host, which is under test.
 */
async function attempts(calls: string[], c: Client = client): Promise<({ ok: unknown } | { error: string })[]> {
  const code = `async () => {
    const out = []
    const probe = async (cloudflare, hostile, partial) => {
      for (const call of [${calls.map((e) => `() => ${e}`).join(', ')}]) {
        try { out.push({ ok: await call() }) } catch (e) { out.push({ error: e.message }) }
      }
    }
    await probe(cloudflare, hostile, partial)
    return out
  }`
  const { text, isError } = await callTool(c, 'execute', { code })
  expect(isError, text).toBe(false)
  return JSON.parse(text).result
}

const sentSince = (mark: number) => echo.requests.slice(mark)

describe('a path parameter cannot move the call to another endpoint', () => {
  const DELETE_RECORD = 'cloudflare.dnsRecordsForAZoneDeleteDnsRecord'
  const dot = (v: string, seg: string) =>
    `${DELETE_RECORD}: dns_record_id ${JSON.stringify(v)} reads as the dot segment "${seg}", which would send the request to another path; pass a real dns_record_id`
  const slash = (v: string, decoded: boolean) =>
    `${DELETE_RECORD}: dns_record_id ${JSON.stringify(v)} contains a slash${decoded ? ' once decoded or normalized' : ''}; a path parameter is one path segment, so pass the dns_record_id itself, not a path`

  it('refuses dot segments, slashes and empty values in a typed call, in 12 forms, and sends nothing', async () => {
    const forms: [string, string][] = [
      ['..', dot('..', '..')],
      ['.', dot('.', '.')],
      ['%2e%2e', dot('%2e%2e', '..')],
      ['.%2E', dot('.%2E', '..')],
      ['%252e%252e', dot('%252e%252e', '..')],
      ['．．', dot('．．', '..')],
      ['..;', dot('..;', '..')],
      [' .. ', dot(' .. ', '..')],
      ['a/..', slash('a/..', false)],
      ['..%2F..', slash('..%2F..', true)],
      ['\\..', slash('\\..', false)],
      ['', `${DELETE_RECORD}: dns_record_id must not be empty; it fills one path segment`],
    ]
    const mark = echo.requests.length
    const results = await attempts(forms.map(([v]) => `${DELETE_RECORD}({ zone_id: 'z1', dns_record_id: ${JSON.stringify(v)}, body: {} })`))
    expect(results).toEqual(forms.map(([, error]) => ({ error })))
    expect(sentSince(mark)).toEqual([])
  })

  it('refuses the same in a raw request path, in 12 forms, and sends nothing', async () => {
    const noMatch = (path: string) => `cloudflare.request: no operation matches DELETE ${path}. Use search to find the path.`
    const forms: [string, string][] = [
      ['/zones/z1/dns_records/..', dot('..', '..')],
      ['/zones/z1/dns_records/.', dot('.', '.')],
      ['/zones/z1/dns_records/%2e%2e', dot('..', '..')],
      ['/zones/z1/dns_records/%2E.', dot('..', '..')],
      ['/zones/z1/dns_records/%252e%252e', dot('%2e%2e', '..')],
      ['/zones/z1/dns_records/%EF%BC%8E%EF%BC%8E', dot('．．', '..')],
      ['/zones/z1/dns_records/..%3B', dot('..;', '..')],
      ['/zones/z1/dns_records/a%2F..', slash('a/..', false)],
      ['/zones/z1/dns_records/%5C..', slash('\\..', false)],
      ['/zones/z1/dns_records/../', dot('..', '..')],
      ['/zones/z1/./dns_records/x', noMatch('/zones/z1/./dns_records/x')],
      ['//evil.example/zones/z1/dns_records/x', noMatch('//evil.example/zones/z1/dns_records/x')],
    ]
    const mark = echo.requests.length
    const results = await attempts(forms.map(([path]) => `cloudflare.request({ method: 'DELETE', path: ${JSON.stringify(path)}, body: {} })`))
    expect(results).toEqual(forms.map(([, error]) => ({ error })))
    expect(sentSince(mark)).toEqual([])
  })

  it('keeps a denied operation denied: no form reaches DELETE /zones/z1', async () => {
    const [direct] = await attempts(["cloudflare.zones0Delete({ zone_id: 'z1' })"])
    expect(direct).toEqual({ error: 'cloudflare.zones0Delete: this operation is denied by the server policy' })
    expect(echo.requests.filter((r) => r.method === 'DELETE' && /^\/client\/v4\/zones\/z1\/?$/.test(r.url))).toEqual([])
  })

  it('sends an ordinary id exactly where the template puts it', async () => {
    const mark = echo.requests.length
    await attempts([`${DELETE_RECORD}({ zone_id: 'z1', dns_record_id: 'r 1?x#y', body: {} })`])
    expect(sentSince(mark).map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /client/v4/zones/z1/dns_records/r%201%3Fx%23y'])
  })
})

describe('query, header and cookie values cannot inject, and the host owns its slots', () => {
  it('encodes query and cookie values so they stay one value each', async () => {
    const mark = echo.requests.length
    const [r] = await attempts(["hostile.getItem({ id: 'a', q: 'x&api_key=forged#f', 'X-Trace': 't1', session: 's; sid=forged' })"])
    expect(r).toHaveProperty('ok')
    const [sent] = sentSince(mark)
    expect(sent?.url).toBe('/base/items/a?q=x%26api_key%3Dforged%23f')
    expect(sent?.headers).toMatchObject({ 'x-trace': 't1', cookie: 'session=s%3B%20sid%3Dforged', authorization: `Bearer ${SECRETS.HOSTILE_TOKEN}` })
  })

  it('refuses a model value in a header, query parameter or cookie the host owns, in 9 forms, and sends nothing', async () => {
    const owned = (what: string, name: string) =>
      `${name} is a ${what} the host sets itself (it carries the credential, or frames the request); leave it out, the host adds what the operation needs`
    const raw = (name: string) =>
      `hostile.request: headers["${name}"]: the host sets ${name} itself (it carries the credential, or frames the request); remove it, and the host adds the credential this operation needs`
    const forms: [string, string][] = [
      [
        "hostile.getItem({ id: 'a', 'X-Trace': 'a\\r\\nX-Injected: 1' })",
        'hostile.getItem: header X-Trace must be one line of printable text (no line breaks, NUL or characters beyond Latin-1)',
      ],
      ["hostile.getItem({ id: 'a', filter: { api_key: 'forged' } })", `hostile.getItem: ${owned('query parameter', 'api_key')}`],
      ["hostile.getQueryCookie({ api_key: 'forged' })", `hostile.getQueryCookie: ${owned('query parameter', 'api_key')}`],
      ["hostile.getQueryCookie({ sid: 'forged' })", `hostile.getQueryCookie: ${owned('cookie', 'sid')}`],
      ["hostile.getLegacy({ Authorization: 'Bearer forged' })", `hostile.getLegacy: ${owned('header', 'Authorization')}`],
      ["hostile.request({ method: 'GET', path: '/items/a', headers: { Authorization: 'Bearer forged' } })", raw('Authorization')],
      ["hostile.request({ method: 'GET', path: '/items/a', headers: { 'x-auth-key': 'forged' } })", raw('x-auth-key')],
      ["hostile.request({ method: 'GET', path: '/items/a', headers: { Host: 'evil.example' } })", raw('Host')],
      ["hostile.request({ method: 'GET', path: '/items/a', headers: { Cookie: 'sid=forged' } })", raw('Cookie')],
    ]
    const mark = echo.requests.length
    expect(await attempts(forms.map(([call]) => call))).toEqual(forms.map(([, error]) => ({ error })))
    expect(sentSince(mark)).toEqual([])
  })

  it('refuses query names every JavaScript object has in a raw request path by name, and sends nothing', async () => {
    const mark = echo.requests.length
    const forms = ['/items/a?__proto__=x', '/items/a?constructor=y', '/items/a?q=1&toString=z', '/items/a?__proto__=1&__proto__=2']
    const results = await attempts(forms.map((path) => `hostile.request({ method: 'GET', path: ${JSON.stringify(path)} })`))
    expect(results.map((r) => ('error' in r ? r.error : 'sent'))).toEqual(['__proto__', 'constructor', 'toString', '__proto__'].map((n) => expect.stringContaining(n)))
    expect(sentSince(mark)).toEqual([])
  })

  it("fills a spec's required Authorization header itself, and takes declared headers in a raw request in any case", async () => {
    const mark = echo.requests.length
    const results = await attempts(['hostile.getLegacy({})', "hostile.request({ method: 'GET', path: '/items/b?q=1', headers: { 'x-trace': 't2', accept: 'text/plain' } })"])
    expect(results.every((r) => 'ok' in r)).toBe(true)
    const [legacy, rawCall] = sentSince(mark)
    expect(legacy?.headers.authorization).toBe(`Bearer ${SECRETS.HOSTILE_TOKEN}`)
    expect(rawCall).toMatchObject({ url: '/base/items/b?q=1', headers: { 'x-trace': 't2' } })
  })
})

describe('credentials per operation, with OpenAPI Security Requirement semantics', () => {
  it('sends inherited, AND, OR, none, basic and query+cookie requirements where their schemes put them', async () => {
    const mark = echo.requests.length
    const calls = ["hostile.getItem({ id: 'i' })", 'hostile.getBoth()', 'hostile.getEither()', 'hostile.getPublic()', 'hostile.getBasic()', 'hostile.getQueryCookie()']
    expect((await attempts(calls)).every((r) => 'ok' in r)).toBe(true)
    const auth = (r: (typeof echo.requests)[number] | undefined) => ({
      url: r?.url,
      authorization: r?.headers.authorization,
      email: r?.headers['x-auth-email'],
      key: r?.headers['x-auth-key'],
      cookie: r?.headers.cookie,
    })
    const none = { authorization: undefined, email: undefined, key: undefined, cookie: undefined }
    expect(sentSince(mark).map(auth)).toEqual([
      { ...none, url: '/base/items/i', authorization: `Bearer ${SECRETS.HOSTILE_TOKEN}` },
      { ...none, url: '/base/both', email: SECRETS.HOSTILE_EMAIL, key: SECRETS.HOSTILE_KEY },
      { ...none, url: '/base/either', key: SECRETS.HOSTILE_KEY },
      { ...none, url: '/base/public' },
      { ...none, url: '/base/basic', authorization: `Basic ${btoa(SECRETS.HOSTILE_BASIC)}` },
      { ...none, url: `/base/querycookie?api_key=${SECRETS.HOSTILE_QKEY}`, cookie: `sid=${SECRETS.HOSTILE_CKEY}` },
    ])
  })

  it('sends the usual credential where a requirement cannot be met, and explains the 401 that follows', async () => {
    const mark = echo.requests.length
    const [both] = await attempts(['partial.getBoth()'])
    expect(sentSince(mark)[0]?.headers.authorization).toBe(`Bearer ${SECRETS.PARTIAL_TOKEN}`)
    expect(both).toEqual({
      error:
        'partial.getBoth: upstream answered 401: X-Auth-Email and X-Auth-Key are required. This operation accepts email + key; this server has token, and sent token in its place. Retrying the same call will not help; tell the user what the operator must change. The operator can set PARTIAL_EMAIL and PARTIAL_KEY (Worker secrets: wrangler secret put, or .dev.vars locally).',
    })
  })

  it("against Prism with only a token: Cloudflare's email+key operations fail with an explanation, token ones work", async () => {
    const [dns, settings, r2] = await attempts(
      [
        `cloudflare.dnsRecordsForAZoneListDnsRecords({ zone_id: '${ZONE}' })`,
        `cloudflare.zoneSettingsGetAllZoneSettings({ zone_id: '${ZONE}' })`,
        `cloudflare.r2ListBuckets({ account_id: '${ZONE}' })`,
      ],
      cfToken,
    )
    expect((dns as { error: string }).error).toMatch(
      /^cloudflare\.dnsRecordsForAZoneListDnsRecords: upstream answered 401 Unauthorized: .+\. This operation accepts api_email \+ api_key; this server has api_token, and sent api_token in its place\. Retrying the same call will not help; tell the user what the operator must change\. The operator can set CLOUDFLARE_API_EMAIL and CLOUDFLARE_API_KEY \(Worker secrets: wrangler secret put, or \.dev\.vars locally\)\.$/,
    )
    expect(settings).toHaveProperty('ok')
    expect(r2).toHaveProperty('ok')
  })

  it('against Prism with token, email and key: each operation gets the requirement it declares', async () => {
    const mark = proxy.requests.length
    const results = await attempts(
      [`cloudflare.dnsRecordsForAZoneListDnsRecords({ zone_id: '${ZONE}' })`, `cloudflare.zoneSettingsGetAllZoneSettings({ zone_id: '${ZONE}' })`],
      cfFull,
    )
    expect(results.map((r) => Object.keys(r)[0])).toEqual(['ok', 'ok'])
    const [dns, settings] = proxy.requests.slice(mark).map((r) => [r.headers.authorization, r.headers['x-auth-email'], r.headers['x-auth-key']])
    expect(dns).toEqual([undefined, CF.CLOUDFLARE_API_EMAIL, CF.CLOUDFLARE_API_KEY])
    expect(settings).toEqual([`Bearer ${CF.CLOUDFLARE_API_TOKEN}`, undefined, undefined])
  })
})

describe('no credential reaches the model, even when the upstream reflects it', () => {
  it('scrubs JSON and text echoes, redirects, status lines, error bodies cut at every offset, and \\u-escapes', async () => {
    const padded = Array.from({ length: 16 }, (_, i) => `hostile.getPadded({ n: ${486 + i} })`)
    const calls = [
      "hostile.getItem({ id: 'x' })",
      'hostile.getBoth()',
      'hostile.getText()',
      'hostile.getQueryCookie()',
      'hostile.getRedirect()',
      'hostile.getStatus({ code: 401 })',
      'hostile.getStatus({ code: 500 })',
      'hostile.getEscaped()',
      "hostile.request({ method: 'GET', path: '/text' })",
      ...padded,
    ]
    const results = await attempts(calls)
    const seen = JSON.stringify(results)
    for (const secret of FORBIDDEN) expect(seen).not.toContain(secret)
    expect(results[0]).toMatchObject({ ok: { headers: { authorization: 'Bearer [redacted]' } } })
    expect(results[2]).toMatchObject({ ok: expect.stringContaining('authorization: Basic [redacted]') })
    expect(results[4]).toEqual({ ok: { status: 302, redirect: 'https://elsewhere.example/landing?seen=&raw=&url=%2Fbase%2Fredirect%3Fapi_key%3D[redacted]' } })
    expect(results[7]).toEqual({ ok: { token: 'Bearer [redacted]' } })
    expect(results[6]).toEqual({ error: 'hostile.getStatus: upstream answered 500 Denied Bearer [redacted]: rejected Bearer [redacted]' })
  })

  it('keeps serving after every refusal', async () => {
    const { text, isError } = await callTool(client, 'execute', { code: 'async () => 1 + 1' })
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toBe(2)
  })
})
