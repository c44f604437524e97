// The OAuth 2.1 authorization server in front of /mcp, /mcp/stateless and /sse for identity and upstream sign-in
// (@cloudflare/workers-oauth-provider): PKCE S256, dynamic client registration, RFC 8414 and RFC 9728 metadata,
// audience-bound tokens, and a 401 with `resource_metadata` for a request without a valid token. The grant's props
// (who signed in) reach the McpAgent, or, at the stateless route, that one request's MCP server.
import { OAuthError, OAuthProvider } from '@cloudflare/workers-oauth-provider'
import type { SignIn } from '../check-sign-in.ts'
import { STATELESS_ROUTE } from '../mcp/serve-stateless.ts'
import { bindSession } from './bind-session.ts'
import { type IdentityConfig, refreshTokens } from './identity-provider.ts'
import { withScopeChallenge } from './scope-challenge.ts'
import { CLIENT_SECRET, type GrantProps, signInHandler } from './sign-in-handler.ts'

type McpHandler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

const providers = new Map<string, OAuthProvider<Env>>()

/**
 * One provider per origin the Worker is reached at. The origin is the issuer and the resource: a token is bound to
 * it, so one sign-in serves every transport (`/mcp`, `/mcp/stateless` and `/sse`). The provider routes a request to
 * the longest path it lies under.
 */
export function oauthProviderFor(origin: string, signIn: SignIn & IdentityConfig, transports: Record<string, McpHandler>): OAuthProvider<Env> {
  const upstreamApi = signIn.mode === 'upstream' ? signIn.api : undefined
  let provider = providers.get(origin)
  if (!provider) {
    provider = new OAuthProvider<Env>({
      apiHandlers: guarded(transports, upstreamApi ? signIn.scopes : undefined),
      defaultHandler: signInHandler(signIn, upstreamApi) as unknown as ExportedHandler<Env>,
      authorizeEndpoint: '/authorize',
      tokenEndpoint: '/oauth/token',
      clientRegistrationEndpoint: '/oauth/register',
      resourceMetadata: { resource: origin, authorization_servers: [origin] },
      // Upstream sign-in: our tokens live no longer than the user's API token, and a refresh refreshes that too.
      tokenExchangeCallback: upstreamApi ? ({ grantType, props, env }) => keepUpstreamFresh(signIn, grantType, props as GrantProps, env) : undefined,
    })
    providers.set(origin, provider)
  }
  return provider
}

/**
 * Each transport behind the token check, reached with the grant's props on `ctx`. Each session kept to its user (the
 * stateless route has none: each request stands alone); with upstream sign-in (`scopes`), an execute needing a scope
 * the user lacks is challenged.
 */
function guarded(transports: Record<string, McpHandler>, scopes: string[] | undefined): Record<string, McpHandler> {
  const challenged = (handler: McpHandler) => (scopes ? withScopeChallenge(handler, scopes) : handler)
  return Object.fromEntries(Object.entries(transports).map(([path, handler]) => [path, challenged(path === STATELESS_ROUTE ? handler : bindSession(handler))]))
}

async function keepUpstreamFresh(config: IdentityConfig, grantType: string, props: GrantProps, env: Env) {
  const upstream = props.upstream
  if (!upstream) return undefined
  const ttl = (expiresAt?: number) => (expiresAt ? Math.max(60, Math.floor((expiresAt - Date.now()) / 1000) - 30) : undefined)
  if (grantType === 'authorization_code') return { accessTokenTTL: ttl(upstream.expiresAt) }
  if (grantType !== 'refresh_token' || !upstream.refreshToken) return undefined
  const secret = (env as unknown as Record<string, unknown>)[CLIENT_SECRET]
  try {
    const tokens = await refreshTokens(config, String(secret), upstream.refreshToken)
    const expiresAt = tokens.expiresIn ? Date.now() + tokens.expiresIn * 1000 : undefined
    const newProps: GrantProps = {
      ...props,
      upstream: { ...upstream, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? upstream.refreshToken, expiresAt, scopes: tokens.scopes ?? upstream.scopes },
    }
    return { newProps, accessTokenTTL: ttl(expiresAt) }
  } catch (err) {
    // invalid_grant: the user revoked access at the API; the client must sign in again rather than retry.
    if ((err as { invalidGrant?: boolean }).invalidGrant) throw new OAuthError('invalid_grant', { description: `${upstream.api} access was revoked; sign in again` })
    throw new OAuthError('temporarily_unavailable', { description: `${upstream.api}'s authorization server could not refresh the token`, statusCode: 503 })
  }
}
