// /mcp/stateless behind identity sign-in, end to end: the same OAuth provider and 401 as /mcp, a real OpenID Connect
// server (oauth2-mock-server), the official MCP SDK client signing in, and each request acting only with the props
// of its own token, under that user's ACCESS_RULES, even with two users' requests interleaved.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionObjectFiles } from '../support/count-session-storage.ts'
import type { EchoUpstream } from '../support/echo-upstream.ts'
import { connectSignedIn, MemoryOAuthClient } from '../support/oauth-client.ts'
import { ADA, BOB, EVE, type PetstoreSignIn, startPetstoreSignIn } from '../support/petstore-sign-in.ts'
import { callTool, type TestServer } from '../support/server.ts'

let stack: PetstoreSignIn
let server: TestServer
let upstream: EchoUpstream
let stateless: URL

beforeAll(async () => {
  stack = await startPetstoreSignIn()
  ;({ server, upstream } = stack)
  stateless = new URL('/mcp/stateless', server.url)
}, 120_000)

afterAll(async () => {
  await stack?.stop()
})

async function signedIn(user: Record<string, unknown>): Promise<{ client: Client; token: string }> {
  stack.signInNext(user)
  const provider = new MemoryOAuthClient()
  const client = await connectSignedIn(stateless, provider)
  return { client, token: provider.tokens()!.access_token }
}

const toolsList = (headers: Record<string, string>) =>
  fetch(stateless, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18', ...headers },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  })

describe('/mcp/stateless with identity sign-in', () => {
  it('answers a request without a token, or with a forged one, with the 401 /mcp answers', async () => {
    const bare = await toolsList({})
    const onMcp = await fetch(server.mcpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(bare.status).toBe(401)
    expect(bare.headers.get('www-authenticate')).toBe(onMcp.headers.get('www-authenticate'))
    expect(bare.headers.get('www-authenticate')).toContain(`resource_metadata="${server.url.origin}/.well-known/oauth-protected-resource"`)
    const forged = await toolsList({ authorization: 'Bearer forged:token:value' })
    expect(forged.status).toBe(401)
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(upstream.requests).toEqual([])
  })

  it("gives each signed-in user their own policy, with two users' calls interleaved, and no Durable Object", async () => {
    const [ada, bob] = [await signedIn(ADA), await signedIn(BOB)]
    const addPet = "async () => (await petstore.addPet({ body: { name: 'rex', photoUrls: [] } })).method"
    const calls = Array.from({ length: 6 }, (_, i) => callTool(i % 2 ? bob.client : ada.client, 'execute', { code: addPet }))
    const answers = await Promise.all(calls)
    const adaAdds = { isError: false, text: expect.stringContaining('"result":"POST"') }
    const bobRefused = { isError: true, text: 'petstore.addPet: this server is read-only for this API; only GET and HEAD calls are allowed (this is POST) at line 1' }
    expect(answers).toEqual([adaAdds, bobRefused, adaAdds, bobRefused, adaAdds, bobRefused])
    expect(await callTool(bob.client, 'execute', { code: 'async () => petstore.getInventory()' })).toEqual({
      isError: true,
      text: 'petstore.getInventory: this operation is denied by the server policy',
    })
    expect((await callTool(ada.client, 'search', { query: 'add a new pet to the store' })).text).toContain('petstore.addPet')
    expect((await callTool(bob.client, 'search', { query: 'add a new pet to the store' })).text).not.toContain('petstore.addPet')
    expect(sessionObjectFiles(server.persistDir)).toEqual([])
    await Promise.all([ada.client.close(), bob.client.close()])
  })

  it('lists only search for a user no rule matches, as /mcp does', async () => {
    const eve = await signedIn(EVE)
    expect((await eve.client.listTools()).tools.map((t) => t.name)).toEqual(['search'])
    expect(await callTool(eve.client, 'search', { query: 'list pets' })).toEqual({
      isError: true,
      text: 'Your account (eve) has no access to any API on this server. Ask its operator to add you to ACCESS_RULES.',
    })
    const onMcp = new Client({ name: 't', version: '1' })
    await onMcp.connect(new StreamableHTTPClientTransport(server.mcpUrl, { requestInit: { headers: { authorization: `Bearer ${eve.token}` } } }))
    expect((await onMcp.listTools()).tools).toEqual((await eve.client.listTools()).tools)
    await Promise.all([eve.client.close(), onMcp.close()])
  })
})
