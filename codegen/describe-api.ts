// The API-level facts the host needs: base URL from servers[0] (variables filled with their defaults) and the
// security schemes with the one to use by default.
import type { SecuritySchemeSpec } from '../src/artifacts.ts'
import { HTTP_METHODS } from './collect-operations.ts'
import { deref, type Json } from './resolve-ref.ts'
import type { SpecProblem } from './spec-error.ts'

export interface DescribeApiResult {
  title: string
  version: string
  baseUrl: string
  securitySchemes: SecuritySchemeSpec[]
  defaultScheme?: string
}

export function describeApi(doc: Json, warnings: SpecProblem[]): DescribeApiResult {
  const info = (doc.info ?? {}) as Json
  const server = (Array.isArray(doc.servers) ? doc.servers[0] : undefined) as Json | undefined
  let baseUrl = typeof server?.url === 'string' ? server.url : ''
  const variables = (server?.variables ?? {}) as Record<string, Json>
  baseUrl = baseUrl.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = variables[name]?.default
    if (value === undefined) warnings.push({ pointer: '#/servers/0/url', message: `server variable {${name}} has no default`, fix: 'set a base URL in configuration' })
    return value === undefined ? whole : String(value)
  })
  if (!baseUrl)
    warnings.push({ pointer: '#/servers', message: 'no servers[0].url; calls need a base URL', fix: 'add `servers: [{ url: https://… }]` or set baseUrl in configuration' })
  const schemes = (((doc.components ?? {}) as Json).securitySchemes ?? {}) as Json
  const securitySchemes: SecuritySchemeSpec[] = []
  for (const [name, raw] of Object.entries(schemes)) {
    const s = deref<Json>(doc, raw)
    if (!s || typeof s.type !== 'string') continue
    securitySchemes.push({
      name,
      type: s.type as SecuritySchemeSpec['type'],
      scheme: typeof s.scheme === 'string' ? s.scheme.toLowerCase() : undefined,
      in: s.in as SecuritySchemeSpec['in'],
      paramName: typeof s.name === 'string' ? s.name : undefined,
      authorizationCode: authorizationCodeFlow(s),
    })
  }
  if (securitySchemes.length === 0) {
    // Many public specs (GitHub's among them) declare no scheme yet take a bearer token: offer one, used only when
    // the operator sets a secret.
    securitySchemes.push({ name: 'bearer', type: 'http', scheme: 'bearer' })
    warnings.push({
      pointer: '#/components/securitySchemes',
      message: 'no security schemes declared; a configured secret is sent as `Authorization: Bearer <secret>`',
      fix: 'declare the scheme the API uses in components.securitySchemes',
    })
  }
  const defaultScheme = pickDefaultScheme(doc, securitySchemes)
  return { title: String(info.title ?? ''), version: String(info.version ?? ''), baseUrl: baseUrl.replace(/\/+$/, ''), securitySchemes, defaultScheme }
}

/**
 * The scheme one credential can satisfy on most operations: among security requirements that name a single
 * scheme, the most used over the operations (an operation without its own `security` has the global one), with
 * bearer tokens first on a tie.
 */
function pickDefaultScheme(doc: Json, schemes: SecuritySchemeSpec[]): string | undefined {
  const counts = new Map<string, number>()
  const count = (reqs: unknown) => {
    if (!Array.isArray(reqs)) return
    for (const r of reqs) {
      const names = Object.keys((r ?? {}) as Json)
      if (names.length === 1) counts.set(names[0] as string, (counts.get(names[0] as string) ?? 0) + 1)
    }
  }
  for (const item of Object.values((doc.paths ?? {}) as Json)) {
    for (const method of HTTP_METHODS) {
      const op = ((item ?? {}) as Json)[method] as Json | undefined
      if (op && typeof op === 'object') count(op.security ?? doc.security)
    }
  }
  const usable = schemes.filter((s) => s.type !== 'mutualTLS')
  const rank = (s: SecuritySchemeSpec) => (counts.get(s.name) ?? 0) * 2 + (s.type === 'http' && s.scheme === 'bearer' ? 1 : 0)
  return [...usable].sort((a, b) => rank(b) - rank(a))[0]?.name
}

/** An oauth2 scheme's authorizationCode flow with both URLs, or undefined. */
function authorizationCodeFlow(scheme: Json): SecuritySchemeSpec['authorizationCode'] {
  const flow = ((scheme.flows ?? {}) as Json).authorizationCode as Json | undefined
  if (!flow || typeof flow.authorizationUrl !== 'string' || typeof flow.tokenUrl !== 'string') return undefined
  return { authorizationUrl: flow.authorizationUrl, tokenUrl: flow.tokenUrl, scopes: Object.keys((flow.scopes ?? {}) as Json) }
}
