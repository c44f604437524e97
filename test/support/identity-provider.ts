// A real OAuth 2.0 / OpenID Connect server for sign-in tests and benchmarks (oauth2-mock-server) on loopback, and the
// Worker settings that sign users in with it.
import { OAuth2Server } from 'oauth2-mock-server'

export async function startIdentityProvider(): Promise<OAuth2Server> {
  const idp = new OAuth2Server()
  await idp.issuer.keys.generate('RS256')
  await idp.start(0, '127.0.0.1')
  return idp
}

/** vars and secrets for identity sign-in at `idp`, with the operator's petstore token. */
export function identitySignIn(idp: OAuth2Server): { vars: Record<string, unknown>; secrets: Record<string, string> } {
  return {
    vars: { SIGN_IN: { mode: 'identity', issuer: idp.issuer.url, clientId: 'codemode-mcp' } },
    secrets: { SIGN_IN_CLIENT_SECRET: 'idp-client-secret', PETSTORE_API_TOKEN: 'operator-token' },
  }
}
