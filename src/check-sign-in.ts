// Who may reach /mcp. Without sign-in, the server acts for anyone with the operator's credentials, so it answers
// only on loopback (where `npm start` runs) unless the operator chose a public server explicitly.

import { jsonRpcError } from './json-rpc-error.ts'
import type { IdentityConfig } from './sign-in/identity-provider.ts'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export type SignIn = { mode: 'none' } | { mode: 'public' } | ({ mode: 'identity' } & IdentityConfig)

/** Reads the SIGN_IN var. Throws an operator-facing message naming the setting when it is not one of the modes. */
export function resolveSignIn(raw: unknown): SignIn {
  const mode = raw && typeof raw === 'object' ? (raw as { mode?: unknown }).mode : raw
  if (mode === undefined || mode === '' || mode === 'none') return { mode: 'none' }
  if (mode === 'public') return { mode: 'public' }
  if (mode === 'identity') return { mode: 'identity', ...identityConfig(raw as Record<string, unknown>) }
  throw new Error(
    `SIGN_IN: ${JSON.stringify(raw)} is not a sign-in mode. Set vars.SIGN_IN in wrangler.jsonc to "none" (loopback only, the default), "public" (anyone, without sign-in) or { "mode": "identity", … } (see the README's Sign-in section).`,
  )
}

function identityConfig(raw: Record<string, unknown>): IdentityConfig {
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] ? (raw[key] as string) : undefined)
  const clientId = text('clientId')
  if (!clientId) throw new Error('SIGN_IN.clientId: missing. Set it to the client id of the OAuth app you registered with your identity provider.')
  const issuer = text('issuer')
  const urls = { authorizeUrl: text('authorizeUrl'), tokenUrl: text('tokenUrl'), userinfoUrl: text('userinfoUrl') }
  if (!issuer && !(urls.authorizeUrl && urls.tokenUrl && urls.userinfoUrl))
    throw new Error('SIGN_IN: set "issuer" (an OpenID Connect issuer URL) or all of "authorizeUrl", "tokenUrl" and "userinfoUrl" (e.g. for GitHub).')
  const scopes = Array.isArray(raw.scopes) ? raw.scopes.map(String) : issuer ? ['openid', 'email', 'profile'] : []
  return { issuer, ...urls, clientId, scopes }
}

/** A 403 for a request the server must not serve without sign-in, otherwise undefined. */
export function checkSignIn(request: Request, signIn: SignIn): Response | undefined {
  if (signIn.mode !== 'none') return undefined
  const host = new URL(request.url).hostname.toLowerCase()
  if (LOOPBACK.has(host)) return undefined
  return jsonRpcError(
    403,
    `This server has no sign-in, so it answers only on loopback, not on ${host}: anyone reaching it would act with the operator's API credentials. Set vars.SIGN_IN in wrangler.jsonc: "public" to serve everyone without sign-in (only for APIs that are safe to share).`,
  )
}
