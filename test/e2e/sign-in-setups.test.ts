// The README's upstream sign-in set-ups, as written there, on the real specs: Spotify's (its spec declares the OAuth
// flow, so the client id is the whole set-up) and GitHub's (no flow in the spec, so the endpoints are configured).
// The MCP SDK client registers and starts authorization; the consent page is approved; the test stops where the
// browser would leave for the provider (not reachable here) and checks what the server asks the provider for.
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterAll, describe, expect, it } from 'vitest'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { authorizeInBrowser, MemoryOAuthClient } from '../support/oauth-client.ts'
import { startServer, type TestServer } from '../support/server.ts'

const servers: TestServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
})

/** Where the server sends the user's browser to sign in, after the consent page. */
async function providerAuthorizeUrl(server: TestServer, providerOrigin: string): Promise<URL> {
  const provider = new MemoryOAuthClient()
  await expect(new Client({ name: 't', version: '1' }).connect(new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider }))).rejects.toThrow(/Unauthorized/)
  const { stoppedAt } = await authorizeInBrowser(provider.authorizationUrl!, 'approve', (next) => next.origin === providerOrigin)
  if (!stoppedAt) throw new Error(`the sign-in never went to ${providerOrigin}`)
  return stoppedAt
}

describe('upstream sign-in set-ups from the README', () => {
  it("Spotify: the client id is the whole set-up; a read-only policy asks for the spec's read scopes only", async () => {
    const server = await startServer({
      generated: generate([join(SHARED_SPECS, 'corpus/spotify__web-api.yaml')], ['spotify']),
      vars: { SIGN_IN: { mode: 'upstream', api: 'spotify', clientId: 'spotify-app-id' }, API_CONFIG: { spotify: { readOnly: true } } },
      secrets: { SIGN_IN_CLIENT_SECRET: 'spotify-app-secret' },
    })
    servers.push(server)
    const url = await providerAuthorizeUrl(server, 'https://accounts.spotify.com')
    expect(`${url.origin}${url.pathname}`).toBe('https://accounts.spotify.com/authorize')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'spotify-app-id',
      response_type: 'code',
      redirect_uri: `${server.url.origin}/sign-in/callback`,
      code_challenge_method: 'S256',
    })
    const scopes = url.searchParams.get('scope')!.split(' ')
    expect(scopes).toEqual(expect.arrayContaining(['user-read-private', 'playlist-read-private', 'user-library-read', 'user-follow-read']))
    expect(scopes.filter((s) => /modify|control/.test(s))).toEqual([])
  }, 180_000)

  it('GitHub: no flow in the spec, so the configured endpoints and scopes', async () => {
    const server = await startServer({
      generated: generate([join(SHARED_SPECS, 'github.yaml')], ['github']),
      vars: {
        SIGN_IN: {
          mode: 'upstream',
          api: 'github',
          clientId: 'Iv1.github-app',
          scopes: ['repo'],
          authorizeUrl: 'https://github.com/login/oauth/authorize',
          tokenUrl: 'https://github.com/login/oauth/access_token',
          userinfoUrl: 'https://api.github.com/user',
        },
      },
      secrets: { SIGN_IN_CLIENT_SECRET: 'github-app-secret' },
    })
    servers.push(server)
    const url = await providerAuthorizeUrl(server, 'https://github.com')
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/login/oauth/authorize')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'Iv1.github-app',
      scope: 'repo',
      redirect_uri: `${server.url.origin}/sign-in/callback`,
      code_challenge_method: 'S256',
    })
  }, 300_000)
})
