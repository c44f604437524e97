// The sign-in suites' shared stack: a real OpenID Connect server (oauth2-mock-server) that signs in whichever user
// the test names next, an echo upstream, and the Worker serving petstore behind identity sign-in with ACCESS_RULES
// that give each of three users a different policy.
import { join } from 'node:path'
import { Events, type OAuth2Server } from 'oauth2-mock-server'
import { type EchoUpstream, startEchoUpstream } from './echo-upstream.ts'
import { generate, SHARED_SPECS } from './generate.ts'
import { startIdentityProvider } from './identity-provider.ts'
import { startServer, type TestServer } from './server.ts'

/** An admin: every petstore operation. */
export const ADA = { sub: 'user-7f3a', preferred_username: 'ada', email: 'ada@example.com', groups: ['admins'] }
/** Of example.org: petstore read-only, getInventory denied. */
export const BOB = { sub: 'user-21c9', preferred_username: 'bob', email: 'bob@example.org' }
/** No rule matches: nothing. */
export const EVE = { sub: 'user-e5e0', preferred_username: 'eve', email: 'eve@elsewhere.example' }

export const ACCESS_RULES = [
  { when: { group: 'admins' }, apis: { petstore: {} } },
  { when: { emailDomain: 'example.org' }, apis: { petstore: { readOnly: true, deny: ['getInventory'] } } },
]

export interface PetstoreSignIn {
  idp: OAuth2Server
  upstream: EchoUpstream
  server: TestServer
  /** Who the identity provider says signs in next. */
  signInNext(user: Record<string, unknown>): void
  stop(): Promise<void>
}

export async function startPetstoreSignIn(): Promise<PetstoreSignIn> {
  let nextUser: Record<string, unknown> = ADA
  const idp = await startIdentityProvider()
  idp.service.on(Events.BeforeUserinfo, (userinfo) => {
    userinfo.body = nextUser
  })
  const upstream = await startEchoUpstream()
  const server = await startServer({
    generated: generate([join(SHARED_SPECS, 'petstore.yaml')]),
    vars: { SIGN_IN: { mode: 'identity', issuer: idp.issuer.url, clientId: 'codemode-mcp' }, API_CONFIG: { petstore: { baseUrl: upstream.url } }, ACCESS_RULES },
    secrets: { SIGN_IN_CLIENT_SECRET: 'idp-client-secret-3c1d', PETSTORE_API_TOKEN: 'operator-token-9e2b' },
  })
  return {
    idp,
    upstream,
    server,
    signInNext: (user) => {
      nextUser = user
    },
    stop: async () => {
      await server.stop()
      await upstream.stop()
      await idp.stop()
    },
  }
}
