// The pages of identity sign-in, in front of the OAuth provider: GET /authorize shows the consent page, POST
// /authorize (on Allow) sends the browser to the identity provider with state and PKCE, and GET /callback exchanges
// the code, learns who signed in, and completes the MCP client's authorization with the user in the grant's props.
import { AuthorizationError, type OAuthHelpers } from '@cloudflare/workers-oauth-provider'
import { consentPage, problemPage } from './consent-page.ts'
import { authorizeUrl, exchangeCode, type IdentityConfig, readUser, type SignedInUser } from './identity-provider.ts'

export const CALLBACK_PATH = '/sign-in/callback'
export const CLIENT_SECRET = 'SIGN_IN_CLIENT_SECRET'

type Env = { OAUTH_PROVIDER: OAuthHelpers } & Record<string, unknown>

/** What a grant carries: who signed in, and with upstream sign-in their token for the API (host side only). */
export interface GrantProps {
  user: SignedInUser
  upstream?: { api: string; accessToken: string; refreshToken?: string; expiresAt?: number; scopes: string[] }
}

/** `upstreamApi`: the API whose own authorization server users sign in at, keeping their token in the grant. */
export function signInHandler(identity: IdentityConfig, upstreamApi?: string) {
  return {
    async fetch(request: Request, env: Env): Promise<Response> {
      const url = new URL(request.url)
      const oauth = env.OAUTH_PROVIDER
      try {
        if (url.pathname === '/authorize' && request.method === 'GET') {
          const authRequest = await oauth.parseAuthRequest(request)
          const details = await oauth.describeConsent(authRequest)
          const consent = await oauth.beginConsent(authRequest)
          consent.headers.set('content-type', 'text/html; charset=utf-8')
          return new Response(consentPage(details, consent.handle, url.host), { headers: consent.headers })
        }
        if (url.pathname === '/authorize' && request.method === 'POST') {
          const form = await request.formData()
          const handle = String(form.get('handle'))
          if (form.get('decision') !== 'approve') {
            const denied = await oauth.denyConsent(request, handle)
            return new Response(null, { status: 302, headers: denied.headers })
          }
          const approved = await oauth.approveConsent(request, handle)
          const verifier = crypto.randomUUID() + crypto.randomUUID()
          const { state, headers } = await oauth.beginUpstream(approved.request, { data: { verifier }, headers: approved.headers })
          headers.set('location', await authorizeUrl(identity, `${url.origin}${CALLBACK_PATH}`, state, verifier))
          return new Response(null, { status: 302, headers })
        }
        if (url.pathname === CALLBACK_PATH) {
          const { request: original, data, headers } = await oauth.finishUpstream<{ verifier: string }>(request)
          const code = url.searchParams.get('code')
          if (!code) return problemPage(`The identity provider did not sign you in (${url.searchParams.get('error') ?? 'no code'}).`)
          const secret = env[CLIENT_SECRET]
          if (typeof secret !== 'string') return problemPage(`This server's sign-in is not set up: the Worker secret ${CLIENT_SECRET} is missing.`, 500)
          const tokens = await exchangeCode(identity, secret, code, `${url.origin}${CALLBACK_PATH}`, data.verifier)
          const user = identity.userinfoUrl || identity.issuer ? await readUser(identity, tokens.accessToken) : { id: await anonymousId(upstreamApi, tokens) }
          const props: GrantProps = { user }
          if (upstreamApi) {
            const expiresAt = tokens.expiresIn ? Date.now() + tokens.expiresIn * 1000 : undefined
            props.upstream = { api: upstreamApi, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt, scopes: tokens.scopes ?? identity.scopes }
          }
          const { redirectTo } = await oauth.completeAuthorization({ request: original, userId: user.id.replaceAll(':', '_'), metadata: {}, scope: original.scope, props })
          headers.set('location', redirectTo)
          return new Response(null, { status: 302, headers })
        }
      } catch (err) {
        if (err instanceof AuthorizationError && err.redirectTo) return Response.redirect(err.redirectTo, 302)
        if (err instanceof AuthorizationError) return problemPage(err.description)
        console.error('sign-in failed', err)
        return problemPage(`Sign-in failed: ${(err as Error).message}.`, 502)
      }
      return new Response('Not found. The MCP endpoint is /mcp.', { status: 404 })
    },
  }
}

/** Without a userinfo endpoint, a user id that names no one: a hash of their first token. */
async function anonymousId(api: string | undefined, tokens: { accessToken: string; refreshToken?: string }): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(tokens.refreshToken ?? tokens.accessToken)))
  return `${api ?? 'user'}-${[...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
