// The MCP SDK client's side of OAuth, for tests: an in-memory OAuthClientProvider (the SDK does discovery, dynamic
// registration, PKCE and token requests), and a scripted browser that walks the authorization URL through the
// server's consent page and the identity provider, carrying cookies, and returns the code for the client.
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js'

export const REDIRECT_URL = 'http://127.0.0.1:9/callback'

export class MemoryOAuthClient implements OAuthClientProvider {
  #client: OAuthClientInformationMixed | undefined
  #tokens: OAuthTokens | undefined
  #verifier = ''
  authorizationUrl: URL | undefined

  get redirectUrl() {
    return REDIRECT_URL
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'codemode tests',
      redirect_uris: [REDIRECT_URL],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }
  }
  clientInformation() {
    return this.#client
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.#client = info
  }
  tokens() {
    return this.#tokens
  }
  saveTokens(tokens: OAuthTokens) {
    this.#tokens = tokens
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url
  }
  saveCodeVerifier(verifier: string) {
    this.#verifier = verifier
  }
  codeVerifier() {
    return this.#verifier
  }
}

export interface BrowserStep {
  url: string
  status: number
}

/**
 * Follows `url` as a browser would, keeping cookies per host, until it lands on the client's redirect URL; submits the
 * consent form with `decision`. Returns the code (or the error) the client receives, and every step taken. With
 * `stopAt`, it stops before the first URL that matches (a real provider this machine cannot reach) and returns it.
 */
export async function authorizeInBrowser(
  url: URL,
  decision: 'approve' | 'deny' = 'approve',
  stopAt?: (next: URL) => boolean,
): Promise<{ params: URLSearchParams; steps: BrowserStep[]; stoppedAt?: URL }> {
  const jar = new Map<string, Map<string, string>>()
  const steps: BrowserStep[] = []
  let next: { url: string; init: RequestInit } = { url: url.toString(), init: {} }
  for (let hop = 0; hop < 12; hop++) {
    if (next.url.startsWith(REDIRECT_URL)) return { params: new URL(next.url).searchParams, steps }
    if (stopAt?.(new URL(next.url))) return { params: new URLSearchParams(), steps, stoppedAt: new URL(next.url) }
    const host = new URL(next.url).host
    const cookies = jar.get(host) ?? new Map<string, string>()
    jar.set(host, cookies)
    const headers = new Headers(next.init.headers)
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(next.url, { ...next.init, headers, redirect: 'manual' })
    steps.push({ url: next.url, status: res.status })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim())
    }
    const location = res.headers.get('location')
    if (location) {
      next = { url: new URL(location, next.url).toString(), init: {} }
      continue
    }
    const html = await res.text()
    const handle = /name="handle" value="([^"]+)"/.exec(html)?.[1]
    if (res.status !== 200 || !handle) throw new Error(`the browser stopped at ${next.url} (${res.status}): ${html.slice(0, 300)}`)
    next = { url: next.url, init: { method: 'POST', body: new URLSearchParams({ handle: handle.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))), decision }) } }
  }
  throw new Error('the browser followed more than 12 redirects')
}

/** Signs in through the server's OAuth flow (consent approved) and returns an SDK client connected with the token. */
export async function connectSignedIn(mcpUrl: URL, provider = new MemoryOAuthClient()): Promise<import('@modelcontextprotocol/sdk/client/index.js').Client> {
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js')
  const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js')
  const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider })
  await new Client({ name: 'sign-in', version: '1' }).connect(first).catch((err: Error) => {
    if (!/Unauthorized/.test(err.message)) throw err
  })
  if (!provider.authorizationUrl) throw new Error(`${mcpUrl} did not ask the client to sign in`)
  const { params } = await authorizeInBrowser(provider.authorizationUrl)
  await first.finishAuth(params.get('code')!)
  const client = new Client({ name: 'signed-in', version: '1' })
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }))
  return client
}
