// Identity sign-in end to end: the OAuth provider in front of /mcp, a real OpenID Connect server as the identity
// provider (oauth2-mock-server), and the official MCP SDK client doing discovery, dynamic registration, PKCE,
// consent, token and calls; a scripted browser carries the consent page's cookies.
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { Events, OAuth2Server } from 'oauth2-mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { authorizeInBrowser, MemoryOAuthClient, REDIRECT_URL } from '../support/oauth-client.ts'
import { callTool, startServer, type TestServer } from '../support/server.ts'

let idp: OAuth2Server
let upstream: EchoUpstream
let server: TestServer

beforeAll(async () => {
  idp = new OAuth2Server()
  await idp.issuer.keys.generate('RS256')
  await idp.start(0, '127.0.0.1')
  idp.service.on(Events.BeforeUserinfo, (userinfo) => {
    userinfo.body = { sub: 'user-7f3a', preferred_username: 'ada', email: 'ada@example.com' }
  })
  upstream = await startEchoUpstream()
  server = await startServer({
    generated: generate([join(SHARED_SPECS, 'petstore.yaml')]),
    vars: { SIGN_IN: { mode: 'identity', issuer: idp.issuer.url, clientId: 'codemode-mcp' }, API_CONFIG: { petstore: { baseUrl: upstream.url } } },
    secrets: { SIGN_IN_CLIENT_SECRET: 'idp-client-secret-3c1d', PETSTORE_API_TOKEN: 'operator-token-9e2b' },
  })
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await upstream?.stop()
  await idp?.stop()
})

/** Connects the SDK client, signing in through the browser when the server asks for it. */
async function signIn(provider: MemoryOAuthClient, decision: 'approve' | 'deny' = 'approve') {
  const first = new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider })
  await expect(new Client({ name: 't', version: '1' }).connect(first)).rejects.toThrow(/Unauthorized/)
  const { params, steps } = await authorizeInBrowser(provider.authorizationUrl!, decision)
  return { params, steps, transport: first }
}

describe('identity sign-in', () => {
  it('answers an unauthenticated request with 401 and where to find the authorization server', async () => {
    const res = await fetch(server.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toContain(`resource_metadata="${server.url.origin}/.well-known/oauth-protected-resource/mcp"`)
    const metadata = await (await fetch(new URL('/.well-known/oauth-authorization-server', server.url))).json()
    expect(metadata).toMatchObject({ issuer: server.url.origin, code_challenge_methods_supported: ['S256'] })
  })

  it('signs in through consent and the identity provider, then lists tools and executes as that user', async () => {
    const provider = new MemoryOAuthClient()
    const { params, steps, transport } = await signIn(provider)
    expect(steps.map((s) => `${s.status} ${new URL(s.url).pathname}`)).toEqual(['200 /authorize', '302 /authorize', '302 /authorize', '302 /sign-in/callback'])
    await transport.finishAuth(params.get('code')!)
    const client = new Client({ name: 't', version: '1' })
    await client.connect(new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider }))
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
    const { text, isError } = await callTool(client, 'execute', { code: 'async () => (await petstore.getInventory()).headers.authorization' })
    expect(isError).toBe(false)
    expect(JSON.parse(text).result).toBe('Bearer [redacted]')
    await client.close()
  })

  it('sends the client an access_denied when the user denies consent', async () => {
    const { params, steps } = await signIn(new MemoryOAuthClient(), 'deny')
    expect(steps.at(-1)?.status).toBe(302)
    expect(params.get('error')).toBe('access_denied')
  })

  it('escapes a hostile client name on the consent page, and forbids framing it', async () => {
    const name = '<img src=x onerror="alert(document.cookie)">Claude'
    const registered = await fetch(new URL('/oauth/register', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: name, redirect_uris: [REDIRECT_URL], token_endpoint_auth_method: 'none' }),
    })
    const { client_id } = (await registered.json()) as { client_id: string }
    const authorize = new URL('/authorize', server.url)
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id,
      redirect_uri: REDIRECT_URL,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 's1',
    }))
      authorize.searchParams.set(k, v)
    const page = await fetch(authorize)
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(document.cookie)&#34;&#62;Claude')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
  })

  it('refuses a forged or expired token with 401', async () => {
    const res = await fetch(server.mcpUrl, { method: 'POST', headers: { authorization: 'Bearer forged:token:value', 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
  })
})
