// Identity sign-in end to end: the OAuth provider in front of /mcp, a real OpenID Connect server as the identity
// provider (oauth2-mock-server), and the official MCP SDK client doing discovery, dynamic registration, PKCE,
// consent, token and calls; a scripted browser carries the consent page's cookies.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EchoUpstream } from '../support/echo-upstream.ts'
import { authorizeInBrowser, MemoryOAuthClient, REDIRECT_URL } from '../support/oauth-client.ts'
import { ADA, BOB, EVE, type PetstoreSignIn, startPetstoreSignIn } from '../support/petstore-sign-in.ts'
import { callTool, type TestServer } from '../support/server.ts'

let stack: PetstoreSignIn
let server: TestServer
let upstream: EchoUpstream

beforeAll(async () => {
  stack = await startPetstoreSignIn()
  ;({ server, upstream } = stack)
}, 120_000)

afterAll(async () => {
  await stack?.stop()
})

/** Signs `user` in and returns a connected client. */
async function connectAs(user: Record<string, unknown>, provider = new MemoryOAuthClient()): Promise<Client> {
  stack.signInNext(user)
  const { params, transport } = await signIn(provider)
  await transport.finishAuth(params.get('code')!)
  const client = new Client({ name: 't', version: '1' })
  await client.connect(new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider }))
  return client
}

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
    expect(res.headers.get('www-authenticate')).toContain(`resource_metadata="${server.url.origin}/.well-known/oauth-protected-resource"`)
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

  it('serves the legacy SSE transport at /sse behind the same sign-in', async () => {
    expect((await fetch(new URL('/sse', server.url))).status).toBe(401)
    stack.signInNext(ADA)
    const provider = new MemoryOAuthClient()
    const { params, transport } = await signIn(provider)
    await transport.finishAuth(params.get('code')!)
    const client = new Client({ name: 't', version: '1' })
    await client.connect(new SSEClientTransport(new URL('/sse', server.url), { authProvider: provider }))
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
    expect(JSON.parse((await callTool(client, 'execute', { code: 'async () => 6 * 7' })).text).result).toBe(42)
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

  it('answers a token revoked at the revocation endpoint (RFC 7009) with 401 on its next request', async () => {
    const provider = new MemoryOAuthClient()
    const client = await connectAs(ADA, provider)
    expect(JSON.parse((await callTool(client, 'execute', { code: 'async () => 1' })).text).result).toBe(1)
    const revoked = await fetch(new URL('/oauth/token', server.url), {
      method: 'POST',
      body: new URLSearchParams({ token: provider.tokens()!.access_token, client_id: provider.clientInformation()!.client_id }),
    })
    expect(revoked.status).toBe(200)
    const after = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${provider.tokens()!.access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"')
    await client.close().catch(() => {})
  })

  it('refuses a forged token with 401', async () => {
    const res = await fetch(server.mcpUrl, { method: 'POST', headers: { authorization: 'Bearer forged:token:value', 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
  })
})

describe('access by identity', () => {
  const run = async (client: Client, code: string) => callTool(client, 'execute', { code })

  it('gives two users signed in at once the policies their rules set, in search and in execute', async () => {
    const ada = await connectAs(ADA)
    const bob = await connectAs(BOB)
    const addPet = "async () => (await petstore.addPet({ body: { name: 'rex', photoUrls: [] } })).method"
    const [adaAdds, bobAdds, bobCounts] = await Promise.all([run(ada, addPet), run(bob, addPet), run(bob, 'async () => petstore.getInventory()')])
    expect(adaAdds).toEqual({ isError: false, text: expect.stringContaining('"result":"POST"') })
    expect(bobAdds).toEqual({ isError: true, text: 'petstore.addPet: this server is read-only for this API; only GET and HEAD calls are allowed (this is POST) at line 1' })
    expect(bobCounts).toEqual({ isError: true, text: 'petstore.getInventory: this operation is denied by the server policy' })
    const adaSees = (await callTool(ada, 'search', { query: 'add a new pet to the store' })).text
    const bobSees = (await callTool(bob, 'search', { query: 'add a new pet to the store' })).text
    expect(adaSees).toContain('petstore.addPet')
    expect(bobSees).not.toContain('petstore.addPet')
    expect(bobSees).toContain('petstore.getPetById')
    expect((await callTool(bob, 'search', { query: 'petstore.getInventory' })).text).not.toContain('petstore.getInventory —')
    await Promise.all([ada.close(), bob.close()])
  })

  it("keeps each session to its user: another user's token with its session id is answered 404, on both transports", async () => {
    const bobAuth = new MemoryOAuthClient()
    const [ada, bob] = [await connectAs(ADA), await connectAs(BOB, bobAuth)]
    const adaSession = (ada.transport as StreamableHTTPClientTransport).sessionId!
    const asBob = { authorization: `Bearer ${bobAuth.tokens()!.access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }
    const call = {
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      // A read Bob may make on his own: were he let in, it would reach the upstream.
      params: { name: 'execute', arguments: { code: 'async () => petstore.getPetById({ petId: 1 })' } },
    }
    // Ada's own call leaves her session seen open on this isolate (src/session/open-sessions.ts): Bob's token must
    // still not find it there.
    expect(JSON.parse((await callTool(ada, 'execute', { code: 'async () => 1' })).text).result).toBe(1)
    const mark = upstream.requests.length
    const hijack = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { ...asBob, 'mcp-session-id': adaSession, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify(call),
    })
    expect(hijack.status).toBe(404)
    expect(await hijack.json()).toMatchObject({ error: { code: -32001, message: 'Session not found' } })
    // Nor may Bob end it: agents ends a session on any DELETE naming it.
    const ending = await fetch(server.mcpUrl, { method: 'DELETE', headers: { ...asBob, 'mcp-session-id': adaSession, 'mcp-protocol-version': '2025-06-18' } })
    expect(ending.status).toBe(404)
    // Ada's session goes on as hers; nothing was sent for Bob.
    expect(JSON.parse((await callTool(ada, 'execute', { code: 'async () => 6 * 7' })).text).result).toBe(42)
    expect(upstream.requests.slice(mark)).toEqual([])

    stack.signInNext(ADA)
    const adaSse = new MemoryOAuthClient()
    const { params, transport } = await signIn(adaSse)
    await transport.finishAuth(params.get('code')!)
    const sse = new SSEClientTransport(new URL('/sse', server.url), { authProvider: adaSse })
    const adaOnSse = new Client({ name: 't', version: '1' })
    await adaOnSse.connect(sse)
    const endpoint = (sse as unknown as { _endpoint: URL })._endpoint
    const sseSession = endpoint.searchParams.get('sessionId')!
    const listen = await fetch(new URL(`/sse?sessionId=${sseSession}`, server.url), { headers: { authorization: asBob.authorization } })
    expect(listen.status).toBe(404)
    const post = await fetch(endpoint, { method: 'POST', headers: asBob, body: JSON.stringify(call) })
    expect(post.status).toBe(404)
    expect(JSON.parse((await callTool(adaOnSse, 'execute', { code: 'async () => 6 * 7' })).text).result).toBe(42)
    expect(upstream.requests.slice(mark)).toEqual([])
    await Promise.all([ada.close(), bob.close(), adaOnSse.close()])
  })

  it('registers no execute for a user no rule matches, and search says why', async () => {
    const eve = await connectAs(EVE)
    expect((await eve.listTools()).tools.map((t) => t.name)).toEqual(['search'])
    expect(await callTool(eve, 'search', { query: 'list pets' })).toEqual({
      isError: true,
      text: 'Your account (eve) has no access to any API on this server. Ask its operator to add you to ACCESS_RULES.',
    })
    await eve.close()
  })
})
