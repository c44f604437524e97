// Upstream sign-in end to end: users sign in at the API's own OAuth server (its endpoints taken from the spec's
// authorizationCode flow), and each user's calls carry that user's token, never the operator's or another user's.
// The API's authorization server is oauth2-mock-server; the API is an echo upstream that records what it received.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { auth } from '@modelcontextprotocol/sdk/client/auth.js'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { Events, type OAuth2Server } from 'oauth2-mock-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate } from '../support/generate.ts'
import { startIdentityProvider } from '../support/identity-provider.ts'
import { authorizeInBrowser, connectSignedIn, MemoryOAuthClient } from '../support/oauth-client.ts'
import { callTool, startServer, type TestServer } from '../support/server.ts'

const OPERATOR_TOKEN = 'operator-token-never-sent-4d1'
let as: OAuth2Server
let upstream: EchoUpstream
let server: TestServer

/** A small API whose spec declares its own OAuth server, as Spotify's does. */
function musicSpec(issuer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'music-spec-'))
  const spec = {
    openapi: '3.0.3',
    info: { title: 'Music', version: '1' },
    servers: [{ url: 'https://api.music.example/v1' }],
    security: [{ oauth: ['user-read-private'] }],
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: { authorizationCode: { authorizationUrl: `${issuer}/authorize`, tokenUrl: `${issuer}/token`, scopes: { 'user-read-private': 'Read your profile' } } },
        },
      },
    },
    paths: {
      '/me': { get: { operationId: 'getMe', responses: { '200': { description: 'me', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/me/following': {
        put: {
          operationId: 'followArtist',
          summary: 'Follow an artist',
          security: [{ oauth: ['user-follow-modify'] }],
          responses: { '200': { description: 'followed', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
  }
  writeFileSync(join(dir, 'music.json'), JSON.stringify(spec))
  return join(dir, 'music.json')
}

beforeAll(async () => {
  as = await startIdentityProvider()
  // Each sign-in is another person: a distinct subject in each token (the mock would otherwise sign identical ones).
  let people = 0
  as.service.on(Events.BeforeTokenSigning, (token) => {
    token.payload.sub = `listener-${++people}`
  })
  // The mock answers scope "dummy" when the token request names none; RFC 6749 §5.1 says to omit it when it is
  // what was asked for, as real servers do.
  as.service.on(Events.BeforeResponse, (response) => {
    const body = response.body as Record<string, unknown>
    if (body.scope === 'dummy') delete body.scope
  })
  upstream = await startEchoUpstream()
  server = await startServer({
    generated: generate([musicSpec(as.issuer.url!)]),
    vars: { SIGN_IN: { mode: 'upstream', api: 'music', clientId: 'music-app' }, API_CONFIG: { music: { baseUrl: upstream.url } } },
    secrets: { SIGN_IN_CLIENT_SECRET: 'music-app-secret', MUSIC_OAUTH: OPERATOR_TOKEN, MUSIC_API_TOKEN: OPERATOR_TOKEN },
    logLevel: 'log',
  })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await upstream?.stop()
  await as?.stop()
})

const whoAmI = (client: Client) => callTool(client, 'execute', { code: 'async () => (await music.getMe()).headers.authorization' })

describe('upstream sign-in', () => {
  it("calls the API with each signed-in user's own token, two users at once, and never shows it", async () => {
    const [one, two] = await Promise.all([connectSignedIn(server.mcpUrl), connectSignedIn(server.mcpUrl)])
    const mark = upstream.requests.length
    const answers = await Promise.all([whoAmI(one), whoAmI(two), whoAmI(one), whoAmI(two)])
    for (const a of answers) expect(a).toEqual({ isError: false, text: expect.stringContaining('"result":"Bearer [redacted]"') })
    const sent = upstream.requests.slice(mark).map((r) => String(r.headers.authorization))
    expect(sent).toHaveLength(4)
    expect(sent.every((h) => h.startsWith('Bearer ey'))).toBe(true)
    expect(sent).not.toContain(`Bearer ${OPERATOR_TOKEN}`)
    // Each session kept its own token: two distinct tokens, each used twice.
    expect(new Set(sent).size).toBe(2)
    expect(sent.filter((h) => h === sent[0])).toHaveLength(2)
    await Promise.all([one.close(), two.close()])
  })

  it("serves /mcp/stateless with each request's own user token, and the same scope challenge", async () => {
    const stateless = new URL('/mcp/stateless', server.url)
    const [one, two] = await Promise.all([connectSignedIn(stateless), connectSignedIn(stateless)])
    const mark = upstream.requests.length
    // One at a time, alternating users: calls one and three are one user's, two and four the other's.
    const answers = []
    for (const client of [one, two, one, two]) answers.push(await whoAmI(client))
    for (const a of answers) expect(a).toEqual({ isError: false, text: expect.stringContaining('"result":"Bearer [redacted]"') })
    const sent = upstream.requests.slice(mark).map((r) => String(r.headers.authorization))
    expect(sent.every((h) => h.startsWith('Bearer ey'))).toBe(true)
    expect([sent[0] === sent[2], sent[1] === sent[3], sent[0] === sent[1]]).toEqual([true, true, false])
    // All at once: they may reach the upstream in any order, but each user's token is sent exactly twice.
    const together = upstream.requests.length
    await Promise.all([whoAmI(one), whoAmI(two), whoAmI(one), whoAmI(two)])
    const tokens = upstream.requests
      .slice(together)
      .map((r) => String(r.headers.authorization))
      .sort()
    expect(tokens).toEqual([sent[0], sent[0], sent[1], sent[1]].sort())
    as.service.once(Events.BeforeResponse, (response) => {
      ;(response.body as Record<string, unknown>).scope = 'user-read-private'
    })
    const narrow = new MemoryOAuthClient()
    const three = await connectSignedIn(stateless, narrow)
    const challenged = await fetch(stateless, {
      method: 'POST',
      headers: { authorization: `Bearer ${narrow.tokens()!.access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'execute', arguments: { code: 'async () => music.followArtist()' } } }),
    })
    expect(challenged.status).toBe(403)
    expect(challenged.headers.get('www-authenticate')).toContain('error="insufficient_scope", scope="user-follow-modify"')
    expect(upstream.requests.slice(mark)).toHaveLength(8)
    await Promise.all([one.close(), two.close(), three.close()])
  })

  it('writes one audit line per upstream call, naming the user and never a token', async () => {
    const client = await connectSignedIn(server.mcpUrl)
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    const mark = upstream.requests.length
    let lines: string[]
    try {
      await whoAmI(client)
      await callTool(client, 'execute', { code: 'async () => { await music.getMe(); return 1 }' })
      await new Promise((r) => setTimeout(r, 300))
    } finally {
      lines = logged.flatMap((spy) => spy.mock.calls.map((c) => c.map(String).join(' ')))
      for (const spy of logged) spy.mockRestore()
    }
    const audits = lines.filter((l) => l.includes('"audit"')).map((l) => JSON.parse(l.slice(l.indexOf('{'))))
    expect(audits).toEqual([
      {
        audit: 'upstream-call',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        user: expect.stringMatching(/^music-[0-9a-f]{16}$/),
        api: 'music',
        operation: 'getMe',
        method: 'GET',
        status: 200,
        ms: expect.any(Number),
      },
      { audit: 'upstream-call', at: expect.any(String), user: audits[0]?.user, api: 'music', operation: 'getMe', method: 'GET', status: 200, ms: expect.any(Number) },
    ])
    const token = String(upstream.requests[mark]?.headers.authorization).replace('Bearer ', '')
    expect(token.length).toBeGreaterThan(20)
    expect(lines.filter((l) => l.includes(token) || l.includes(OPERATOR_TOKEN))).toEqual([])
    await client.close()
  })

  it("signs in at the spec's authorizationUrl with the operator's client id, the flow's scopes and PKCE", async () => {
    let asked: URL | undefined
    as.service.once(Events.BeforeAuthorizeRedirect, (_uri, req) => {
      asked = new URL(req.url ?? '', as.issuer.url)
    })
    const client = await connectSignedIn(server.mcpUrl)
    expect(asked?.pathname).toBe('/authorize')
    expect(Object.fromEntries(asked?.searchParams ?? [])).toMatchObject({
      client_id: 'music-app',
      // No policy narrows this server, so every operation's scopes, and no more.
      scope: 'user-read-private user-follow-modify',
      redirect_uri: `${server.url.origin}/sign-in/callback`,
      code_challenge_method: 'S256',
    })
    expect((await whoAmI(client)).isError).toBe(false)
    await client.close()
  })

  it("refreshes the user's API token when the MCP client refreshes its own, within the running session", async () => {
    const provider = new MemoryOAuthClient()
    const client = await connectSignedIn(server.mcpUrl, provider)
    const mark = upstream.requests.length
    await whoAmI(client)
    const refreshed = await fetch(new URL('/oauth/token', server.url), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: provider.tokens()!.refresh_token!, client_id: provider.clientInformation()!.client_id }),
    })
    expect(refreshed.status).toBe(200)
    // The same client and session go on with the new token.
    provider.saveTokens((await refreshed.json()) as Parameters<MemoryOAuthClient['saveTokens']>[0])
    expect((await whoAmI(client)).isError).toBe(false)
    await client.close()
    const [old, fresh] = upstream.requests.slice(mark).map((r) => String(r.headers.authorization))
    expect(fresh).toMatch(/^Bearer ey/)
    // The API's authorization server signed a new token for the refresh (another subject in this mock).
    expect(fresh).not.toBe(old)
  })

  it('challenges an execute needing a scope the sign-in did not grant with 403 insufficient_scope, and re-authorizing grants it', async () => {
    as.service.once(Events.BeforeResponse, (response) => {
      ;(response.body as Record<string, unknown>).scope = 'user-read-private'
    })
    const provider = new MemoryOAuthClient()
    const client = await connectSignedIn(server.mcpUrl, provider)
    const mark = upstream.requests.length
    const follow = { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'execute', arguments: { code: 'async () => music.followArtist()' } } }
    const challenged = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${provider.tokens()!.access_token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': (client.transport as StreamableHTTPClientTransport).sessionId!,
      },
      body: JSON.stringify(follow),
    })
    expect(challenged.status).toBe(403)
    expect(challenged.headers.get('www-authenticate')).toBe(
      `Bearer realm="OAuth", error="insufficient_scope", scope="user-follow-modify", resource_metadata="${server.url.origin}/.well-known/oauth-protected-resource", error_description="music needs the scope user-follow-modify, which your sign-in did not grant; authorize again to grant it"`,
    )
    // The SDK client refreshes before re-authorizing, which cannot add a scope, and then gives up
    // (modelcontextprotocol/typescript-sdk#2255); an application re-authorizes with the challenge's scope.
    await expect(client.callTool({ name: 'execute', arguments: follow.params.arguments })).rejects.toThrow('Server returned 403 after trying upscoping')
    // A name the scan cannot see is refused by the host before sending, as a tool error; search says so too.
    expect(await callTool(client, 'execute', { code: "async () => music['follow' + 'Artist']()" })).toEqual({
      isError: true,
      text: 'music.followArtist: needs the scope user-follow-modify, which your sign-in did not grant. Sign in again granting it (your MCP client can re-authorize); retrying will not help.',
    })
    expect((await callTool(client, 'search', { query: 'music.followArtist' })).text.split('\n')[0]).toBe(
      'music.followArtist — PUT /me/following — Follow an artist [writes, needs scope user-follow-modify]',
    )
    expect(upstream.requests.slice(mark)).toEqual([])
    await client.close()

    let asked: URL | undefined
    as.service.once(Events.BeforeAuthorizeRedirect, (_uri, req) => {
      asked = new URL(req.url ?? '', as.issuer.url)
    })
    provider.saveTokens(undefined as never)
    expect(await auth(provider, { serverUrl: server.mcpUrl, scope: 'user-follow-modify' })).toBe('REDIRECT')
    expect(provider.authorizationUrl?.searchParams.get('scope')).toBe('user-follow-modify')
    const { params } = await authorizeInBrowser(provider.authorizationUrl!)
    expect(await auth(provider, { serverUrl: server.mcpUrl, authorizationCode: params.get('code')! })).toBe('AUTHORIZED')
    expect(asked?.searchParams.get('scope')).toBe('user-read-private user-follow-modify')
    // With no user endpoint to name the person, the new grant is a new user: a new session.
    const again = new Client({ name: 'stepped-up', version: '1' })
    await again.connect(new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider }))
    expect(await callTool(again, 'execute', { code: 'async () => (await music.followArtist()).method' })).toEqual({
      isError: false,
      text: expect.stringContaining('"result":"PUT"'),
    })
    expect(upstream.requests.slice(mark).map((r) => `${r.method} ${r.headers.authorization?.slice(0, 9)}`)).toEqual(['PUT Bearer ey'])
    await again.close()
  })
})
