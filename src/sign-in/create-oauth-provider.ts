// The OAuth 2.1 authorization server in front of /mcp for identity sign-in (@cloudflare/workers-oauth-provider):
// PKCE S256, dynamic client registration, RFC 8414 and RFC 9728 metadata, audience-bound tokens, and a 401 with
// `resource_metadata` for a request without a valid token. The grant's props (who signed in) reach the McpAgent.
import { OAuthProvider } from '@cloudflare/workers-oauth-provider'
import type { IdentityConfig } from './identity-provider.ts'
import { signInHandler } from './sign-in-handler.ts'

type McpHandler = { fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> }

const providers = new Map<string, OAuthProvider<Env>>()

/**
 * One provider per origin the Worker is reached at. The origin is the issuer and the resource: a token is bound to
 * it, so one sign-in serves both transports (`/mcp` and `/sse`).
 */
export function oauthProviderFor(origin: string, identity: IdentityConfig, transports: Record<string, McpHandler>): OAuthProvider<Env> {
  let provider = providers.get(origin)
  if (!provider) {
    provider = new OAuthProvider<Env>({
      apiHandlers: transports,
      defaultHandler: signInHandler(identity) as unknown as ExportedHandler<Env>,
      authorizeEndpoint: '/authorize',
      tokenEndpoint: '/oauth/token',
      clientRegistrationEndpoint: '/oauth/register',
      resourceMetadata: { resource: origin, authorization_servers: [origin] },
    })
    providers.set(origin, provider)
  }
  return provider
}
