import { describe, expect, it } from 'vitest'
import { checkSignIn, resolveSignIn } from '../../src/check-sign-in.ts'

const NO_SIGN_IN =
  'This server has no sign-in, so it answers only on loopback, not on mcp.example.com: anyone reaching it would act with the operator\'s API credentials. Set vars.SIGN_IN in wrangler.jsonc: "public" to serve everyone without sign-in (only for APIs that are safe to share).'

describe('sign-in gate', () => {
  it.each([undefined, '', 'none', { mode: 'none' }])('reads %j as no sign-in', (raw) => {
    expect(resolveSignIn(raw)).toEqual({ mode: 'none' })
  })

  it('names the setting and its values when the mode is unknown', () => {
    expect(() => resolveSignIn('oauth')).toThrow(
      'SIGN_IN: "oauth" is not a sign-in mode. Set vars.SIGN_IN in wrangler.jsonc to "none" (loopback only, the default), "public" (anyone, without sign-in), { "mode": "identity", … } or { "mode": "upstream", … } (see the README\'s Sign-in section).',
    )
  })

  it.each([
    [{ mode: 'identity', issuer: 'https://idp.example' }, 'SIGN_IN.clientId: missing. Set it to the client id of the OAuth app you registered with your identity provider.'],
    [
      { mode: 'identity', clientId: 'c', authorizeUrl: 'https://github.com/login/oauth/authorize' },
      'SIGN_IN: set "issuer" (an OpenID Connect issuer URL) or all of "authorizeUrl", "tokenUrl" and "userinfoUrl" (e.g. for GitHub).',
    ],
  ])('names what identity sign-in lacks: %j', (raw, want) => {
    expect(() => resolveSignIn(raw)).toThrow(want)
  })

  it('reads identity sign-in with an OIDC issuer (default scopes) or explicit endpoints (GitHub)', () => {
    expect(resolveSignIn({ mode: 'identity', issuer: 'https://accounts.google.com', clientId: 'c' })).toMatchObject({
      mode: 'identity',
      issuer: 'https://accounts.google.com',
      clientId: 'c',
      scopes: ['openid', 'email', 'profile'],
    })
    const github = {
      mode: 'identity',
      clientId: 'Iv1.x',
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'https://github.com/login/oauth/access_token',
      userinfoUrl: 'https://api.github.com/user',
      scopes: ['read:user'],
    }
    expect(resolveSignIn(github)).toEqual({ ...github, issuer: undefined })
  })

  it.each(['http://127.0.0.1:8787/mcp', 'http://localhost/mcp', 'http://[::1]:8787/mcp'])('serves loopback without sign-in: %s', (url) => {
    expect(checkSignIn(new Request(url), { mode: 'none' })).toBeUndefined()
  })

  it('refuses any other host without sign-in, naming the setting', async () => {
    const refused = checkSignIn(new Request('https://mcp.example.com/mcp'), { mode: 'none' })
    expect(refused?.status).toBe(403)
    expect(await refused?.json()).toEqual({ jsonrpc: '2.0', error: { code: -32000, message: NO_SIGN_IN }, id: null })
  })

  it('serves any host when the operator chose a public server', () => {
    expect(checkSignIn(new Request('https://mcp.example.com/mcp'), { mode: 'public' })).toBeUndefined()
  })
})

describe('upstream sign-in settings', () => {
  const spotify = [
    {
      name: 'oauth_2_0',
      type: 'oauth2' as const,
      authorizationCode: {
        authorizationUrl: 'https://accounts.spotify.com/authorize',
        tokenUrl: 'https://accounts.spotify.com/api/token',
        scopes: ['user-read-private', 'playlist-read-private'],
      },
    },
  ]
  // As if the policy let users call only operations needing user-read-private.
  const schemesOf = (api: string) =>
    api === 'spotify'
      ? { schemes: spotify, scopesFor: () => ['user-read-private'] }
      : api === 'github'
        ? { schemes: [{ name: 'bearer', type: 'http' as const, scheme: 'bearer' }], scopesFor: () => [] }
        : undefined

  it("takes the endpoints from the spec's authorizationCode flow, and asks only for the scopes the policy's operations need", () => {
    expect(resolveSignIn({ mode: 'upstream', api: 'spotify', clientId: 'abc' }, schemesOf)).toEqual({
      mode: 'upstream',
      api: 'spotify',
      clientId: 'abc',
      authorizeUrl: 'https://accounts.spotify.com/authorize',
      tokenUrl: 'https://accounts.spotify.com/api/token',
      userinfoUrl: undefined,
      scopes: ['user-read-private'],
    })
  })

  it('lets configuration name the scopes and a userinfo endpoint', () => {
    const config = resolveSignIn({ mode: 'upstream', api: 'spotify', clientId: 'abc', scopes: ['playlist-read-private'], userinfoUrl: 'https://api.spotify.com/v1/me' }, schemesOf)
    expect(config).toMatchObject({ scopes: ['playlist-read-private'], userinfoUrl: 'https://api.spotify.com/v1/me' })
  })

  it.each([
    [{ mode: 'upstream', api: 'nope', clientId: 'x' }, 'SIGN_IN.api: "nope" is not an API of this server. Set it to the namespace whose own OAuth server users sign in at.'],
    [
      { mode: 'upstream', api: 'github', clientId: 'x' },
      'SIGN_IN: the github spec declares no oauth2 authorizationCode flow; set "authorizeUrl" and "tokenUrl" (and "scopes") of its authorization server.',
    ],
    [{ mode: 'upstream', api: 'spotify' }, 'SIGN_IN.clientId: missing. Set it to the client id of the OAuth app you registered with the API.'],
  ])('names what is missing: %j', (raw, want) => {
    expect(() => resolveSignIn(raw, schemesOf)).toThrow(want)
  })
})
