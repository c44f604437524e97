// The identity provider users sign in with: any OAuth 2.0 or OpenID Connect issuer. With `issuer`, its endpoints come
// from discovery (OIDC `/.well-known/openid-configuration`); without, from configuration (GitHub has no discovery).
// The authorization code is exchanged with PKCE (S256) and the user's claims are read from the userinfo endpoint.

export interface IdentityConfig {
  issuer?: string
  authorizeUrl?: string
  tokenUrl?: string
  userinfoUrl?: string
  clientId: string
  scopes: string[]
}

interface Endpoints {
  authorize: string
  token: string
  userinfo: string
}

/** Who signed in: a stable id and the claims rules can match. */
export interface SignedInUser {
  id: string
  login?: string
  email?: string
  name?: string
  groups?: string[]
}

const discovered = new Map<string, Promise<Endpoints>>()

export async function identityEndpoints(config: IdentityConfig): Promise<Endpoints> {
  if (!config.issuer) return { authorize: config.authorizeUrl!, token: config.tokenUrl!, userinfo: config.userinfoUrl! }
  const issuer = config.issuer.replace(/\/$/, '')
  let found = discovered.get(issuer)
  if (!found) {
    found = fetch(`${issuer}/.well-known/openid-configuration`).then(async (r) => {
      if (!r.ok) throw new Error(`SIGN_IN.issuer: ${issuer} answered ${r.status} for its OpenID configuration; check the issuer URL`)
      const doc = (await r.json()) as Record<string, string>
      return { authorize: doc.authorization_endpoint!, token: doc.token_endpoint!, userinfo: doc.userinfo_endpoint! }
    })
    found.catch(() => discovered.delete(issuer))
    discovered.set(issuer, found)
  }
  return found
}

/** The URL that sends the user's browser to the identity provider. */
export async function authorizeUrl(config: IdentityConfig, redirectUri: string, state: string, verifier: string): Promise<string> {
  const url = new URL((await identityEndpoints(config)).authorize)
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('client_id', config.clientId)
  url.searchParams.set('redirect_uri', redirectUri)
  url.searchParams.set('scope', config.scopes.join(' '))
  url.searchParams.set('state', state)
  url.searchParams.set('code_challenge', await s256(verifier))
  url.searchParams.set('code_challenge_method', 'S256')
  return url.toString()
}

/** Exchanges the code and reads who signed in. Throws naming the step that failed. */
export async function signedInUser(config: IdentityConfig, secret: string, code: string, redirectUri: string, verifier: string): Promise<SignedInUser> {
  const endpoints = await identityEndpoints(config)
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
    client_id: config.clientId,
    client_secret: secret,
  })
  const tokenResponse = await fetch(endpoints.token, { method: 'POST', body, headers: { accept: 'application/json' } })
  const token = (await tokenResponse.json().catch(() => ({}))) as { access_token?: string; error?: string }
  if (!tokenResponse.ok || !token.access_token) throw new Error(`the identity provider refused the sign-in code (${token.error ?? tokenResponse.status})`)
  const info = await fetch(endpoints.userinfo, { headers: { authorization: `Bearer ${token.access_token}`, accept: 'application/json', 'user-agent': 'codemode-openapi-mcp' } })
  if (!info.ok) throw new Error(`the identity provider's userinfo endpoint answered ${info.status}`)
  const claims = (await info.json()) as Record<string, unknown>
  const id = claims.sub ?? claims.id
  if (id === undefined) throw new Error('the identity provider named no user (no "sub" or "id" claim)')
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    id: String(id),
    login: text(claims.preferred_username) ?? text(claims.login),
    email: text(claims.email),
    name: text(claims.name),
    groups: Array.isArray(claims.groups) ? claims.groups.map(String) : undefined,
  }
}

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
