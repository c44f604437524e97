// The authorization server users sign in at: an OAuth 2.0 or OpenID Connect identity provider, or the API's own
// (upstream sign-in). With `issuer`, its endpoints come from discovery (OIDC `/.well-known/openid-configuration`);
// without, from configuration or the spec. Codes are exchanged with PKCE (S256); refresh tokens are traded here too.

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
  if (!config.issuer) return { authorize: config.authorizeUrl!, token: config.tokenUrl!, userinfo: config.userinfoUrl ?? '' }
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

/** What the authorization server's token endpoint answered. */
export interface TokenSet {
  accessToken: string
  refreshToken?: string
  /** Seconds the access token lives, when the server says. */
  expiresIn?: number
  /** The scopes granted, when the server says (else those asked for). */
  scopes?: string[]
}

/** Exchanges the authorization code (with the PKCE verifier) for tokens. Throws naming the step that failed. */
export async function exchangeCode(config: IdentityConfig, secret: string, code: string, redirectUri: string, verifier: string): Promise<TokenSet> {
  return tokenRequest(config, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, client_id: config.clientId, client_secret: secret })
}

/** Trades a refresh token for new tokens; throws an error whose `invalidGrant` says the grant is gone for good. */
export async function refreshTokens(config: IdentityConfig, secret: string, refreshToken: string): Promise<TokenSet> {
  return tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: config.clientId, client_secret: secret })
}

async function tokenRequest(config: IdentityConfig, form: Record<string, string>): Promise<TokenSet> {
  const endpoints = await identityEndpoints(config)
  const res = await fetch(endpoints.token, { method: 'POST', body: new URLSearchParams(form), headers: { accept: 'application/json' } })
  const token = (await res.json().catch(() => ({}))) as { access_token?: string; refresh_token?: string; expires_in?: number; scope?: string; error?: string }
  if (!res.ok || !token.access_token) {
    throw Object.assign(
      new Error(`the authorization server refused the ${form.grant_type === 'refresh_token' ? 'refresh token' : 'sign-in code'} (${token.error ?? res.status})`),
      {
        invalidGrant: token.error === 'invalid_grant',
      },
    )
  }
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresIn: typeof token.expires_in === 'number' ? token.expires_in : undefined,
    scopes: typeof token.scope === 'string' ? token.scope.split(/[\s,]+/).filter(Boolean) : undefined,
  }
}

/** Reads who signed in from the userinfo endpoint (OIDC `sub`, or GitHub's and Spotify's `id`). */
export async function readUser(config: IdentityConfig, accessToken: string): Promise<SignedInUser> {
  const endpoints = await identityEndpoints(config)
  const info = await fetch(endpoints.userinfo, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', 'user-agent': 'codemode-openapi-mcp' } })
  if (!info.ok) throw new Error(`the userinfo endpoint answered ${info.status}`)
  const claims = (await info.json()) as Record<string, unknown>
  const id = claims.sub ?? claims.id
  if (id === undefined) throw new Error('the userinfo endpoint named no user (no "sub" or "id" claim)')
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    id: String(id),
    login: text(claims.preferred_username) ?? text(claims.login) ?? text(claims.display_name),
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
