// Who may reach /mcp. Without sign-in, the server acts for anyone with the operator's credentials, so it answers
// only on loopback (where `npm start` runs) unless the operator chose a public server explicitly.

import type { SecuritySchemeSpec } from './artifacts.ts'
import { jsonRpcError } from './json-rpc-error.ts'
import type { IdentityConfig } from './sign-in/identity-provider.ts'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

export type SignIn = { mode: 'none' } | { mode: 'public' } | ({ mode: 'identity' } & IdentityConfig) | ({ mode: 'upstream'; api: string } & IdentityConfig)

/** An API's security schemes, and the scopes its policy lets users use under one, for an upstream sign-in. */
export type SchemesOf = (api: string) => { schemes: SecuritySchemeSpec[]; scopesFor(scheme: string): string[] } | undefined

/** Reads the SIGN_IN var. Throws an operator-facing message naming the setting when it is not one of the modes. */
export function resolveSignIn(raw: unknown, schemesOf: SchemesOf = () => undefined): SignIn {
  const mode = raw && typeof raw === 'object' ? (raw as { mode?: unknown }).mode : raw
  if (mode === undefined || mode === '' || mode === 'none') return { mode: 'none' }
  if (mode === 'public') return { mode: 'public' }
  if (mode === 'identity') return { mode: 'identity', ...identityConfig(raw as Record<string, unknown>) }
  if (mode === 'upstream') return upstreamConfig(raw as Record<string, unknown>, schemesOf)
  throw new Error(
    `SIGN_IN: ${JSON.stringify(raw)} is not a sign-in mode. Set vars.SIGN_IN in wrangler.jsonc to "none" (loopback only, the default), "public" (anyone, without sign-in), { "mode": "identity", … } or { "mode": "upstream", … } (see the README's Sign-in section).`,
  )
}

/** Sign-in at the API's own authorization server: endpoints and scopes from its spec's authorizationCode flow, or configured. */
function upstreamConfig(raw: Record<string, unknown>, schemesOf: SchemesOf): SignIn {
  const api = typeof raw.api === 'string' ? raw.api : ''
  const info = schemesOf(api)
  if (!info) throw new Error(`SIGN_IN.api: "${api}" is not an API of this server. Set it to the namespace whose own OAuth server users sign in at.`)
  const scheme = info.schemes.find((s) => s.authorizationCode) ?? info.schemes.find((s) => s.type === 'oauth2')
  const flow = scheme?.authorizationCode
  // Ask only for the scopes the operations the policy allows need; the operator may name others.
  const merged = { authorizeUrl: flow?.authorizationUrl, tokenUrl: flow?.tokenUrl, userinfoUrl: undefined, scopes: scheme ? info.scopesFor(scheme.name) : [], ...raw }
  if (!merged.authorizeUrl || !merged.tokenUrl)
    throw new Error(`SIGN_IN: the ${api} spec declares no oauth2 authorizationCode flow; set "authorizeUrl" and "tokenUrl" (and "scopes") of its authorization server.`)
  const clientId = typeof raw.clientId === 'string' && raw.clientId ? raw.clientId : undefined
  if (!clientId) throw new Error('SIGN_IN.clientId: missing. Set it to the client id of the OAuth app you registered with the API.')
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined)
  return {
    mode: 'upstream',
    api,
    clientId,
    authorizeUrl: text(merged.authorizeUrl),
    tokenUrl: text(merged.tokenUrl),
    userinfoUrl: text(merged.userinfoUrl),
    scopes: Array.isArray(merged.scopes) ? merged.scopes.map(String) : [],
  }
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
