// With upstream sign-in, an API is called with the signed-in user's own token, never the operator's: it fills the
// schemes a bearer token satisfies (oauth2, OpenID Connect, http bearer), and nothing else.
import type { SecuritySchemeSpec } from '../artifacts.ts'
import type { FindCredential } from './select-credentials.ts'

export const USER_TOKEN = "the signed-in user's token"

const takesBearer = (s: SecuritySchemeSpec) => s.type === 'oauth2' || s.type === 'openIdConnect' || (s.type === 'http' && s.scheme === 'bearer')

export function userCredentials(token: string): FindCredential {
  return (scheme) => (takesBearer(scheme) ? { scheme, value: token, secret: USER_TOKEN } : undefined)
}

/** The scheme a user's token is sent under when an operation's own requirements cannot be met. */
export function userTokenScheme(schemes: SecuritySchemeSpec[]): SecuritySchemeSpec | undefined {
  return schemes.find((s) => s.type === 'oauth2') ?? schemes.find(takesBearer)
}
