// Operator configuration: the API_CONFIG var (per-API base URL, credential and policy) plus Worker secrets.
// Bad configuration is reported with the key and the fix, never silently ignored.
import type { ApiMeta } from './artifacts.ts'

export interface ApiConfig {
  baseUrl: string
  /** The securitySchemes entry used to send the credential. */
  scheme?: string
  /** The Worker secret that holds the credential. */
  secret: string
  readOnly: boolean
  allow?: string[]
  deny?: string[]
  maxWritesPerExecution?: number
  approveWrites: boolean
}

export interface RawApiConfig {
  baseUrl?: string
  auth?: { scheme?: string; secret?: string }
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
  const scheme = raw.auth?.scheme ?? meta.defaultScheme
  if (scheme && !meta.securitySchemes.some((s) => s.name === scheme)) {
    throw new Error(`API_CONFIG.${meta.name}.auth.scheme: "${scheme}" is not in the spec's securitySchemes (${meta.securitySchemes.map((s) => s.name).join(', ') || 'none'}).`)
  }
  return {
    baseUrl,
    scheme,
    secret: raw.auth?.secret ?? `${meta.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}_API_TOKEN`,
    readOnly: raw.readOnly === true,
    allow: raw.allow,
    deny: raw.deny,
    maxWritesPerExecution: raw.maxWritesPerExecution,
    approveWrites: raw.approveWrites === true,
  }
}
