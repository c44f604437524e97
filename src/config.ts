// Operator configuration: the API_CONFIG var (per-API base URL, credentials and policy) plus Worker secrets.
// Bad configuration is reported with the key and the fix, never silently ignored.
import type { ApiMeta } from './artifacts.ts'

export interface ApiConfig {
  baseUrl: string
  /** Where baseUrl came from, for messages: `API_CONFIG.<api>.baseUrl` or the spec's `servers[0]`. */
  baseUrlFrom: string
  /** The securitySchemes entry the API usually takes: sent where an operation's own requirements cannot be met. */
  scheme?: string
  /** Per securitySchemes entry, the Worker secrets that may hold its credential, the first set one winning. */
  secrets: Record<string, string[]>
  readOnly: boolean
  allow?: string[]
  deny?: string[]
  maxWritesPerExecution?: number
  approveWrites: boolean
}

export interface RawApiConfig {
  baseUrl?: string
  /** `scheme`: the usual scheme; `secret`: its secret's name; `secrets`: a secret name per scheme. */
  auth?: { scheme?: string; secret?: string; secrets?: Record<string, string> }
  readOnly?: boolean
  allow?: string[]
  deny?: string[]
  maxWritesPerExecution?: number
  approveWrites?: boolean
}

/** Resolves one API's configuration. Throws an operator-facing message naming the key when a value is wrong. */
export function resolveApiConfig(meta: ApiMeta, all: unknown): ApiConfig {
  const raw = ((all && typeof all === 'object' ? (all as Record<string, unknown>)[meta.name] : undefined) ?? {}) as RawApiConfig
  const baseUrl = (raw.baseUrl ?? meta.baseUrl).replace(/\/+$/, '')
  if (!/^https?:\/\//.test(baseUrl)) {
    throw new Error(`API_CONFIG.${meta.name}.baseUrl: "${baseUrl}" is not an absolute http(s) URL. Set it in wrangler.jsonc vars.API_CONFIG.${meta.name}.baseUrl.`)
  }
  const known = meta.securitySchemes.map((s) => s.name)
  const unknown = (key: string, name: string) => new Error(`API_CONFIG.${meta.name}.${key}: "${name}" is not in the spec's securitySchemes (${known.join(', ') || 'none'}).`)
  const scheme = raw.auth?.scheme ?? meta.defaultScheme
  if (scheme && !known.includes(scheme)) throw unknown('auth.scheme', scheme)
  const renamed = raw.auth?.secrets ?? {}
  for (const [name, secret] of Object.entries(renamed)) {
    if (!known.includes(name)) throw unknown(`auth.secrets.${name}`, name)
    if (typeof secret !== 'string' || !secret)
      throw new Error(`API_CONFIG.${meta.name}.auth.secrets.${name}: must be the name of a Worker secret, e.g. "${secretName(meta.name, name)}".`)
  }
  const secrets: Record<string, string[]> = {}
  for (const name of known) {
    // A name the operator gave is the only one read. `auth.secret` and `<API>_API_TOKEN`, from before credentials
    // were per scheme, still fill the usual scheme.
    const given = renamed[name] ?? (name === scheme ? raw.auth?.secret : undefined)
    const usual = name === scheme ? [secretName(meta.name, 'api_token')] : []
    secrets[name] = given ? [given] : [...new Set([secretName(meta.name, name), ...usual])]
  }
  return {
    baseUrl,
    baseUrlFrom: raw.baseUrl ? `API_CONFIG.${meta.name}.baseUrl` : "the spec's servers[0]",
    scheme,
    secrets,
    readOnly: raw.readOnly === true,
    allow: raw.allow,
    deny: raw.deny,
    maxWritesPerExecution: raw.maxWritesPerExecution,
    approveWrites: raw.approveWrites === true,
  }
}

/** `<API>_<SCHEME>` in upper snake case: (`cloudflare`, `api_email`) -> CLOUDFLARE_API_EMAIL, (`myApi`, `bearerAuth`) -> MY_API_BEARER_AUTH. */
export function secretName(api: string, scheme: string): string {
  const snake = (s: string) =>
    s
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .toUpperCase()
  return `${snake(api)}_${snake(scheme)}`
}
