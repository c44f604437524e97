// The API-level facts the host needs: base URL from servers[0] (variables filled with their defaults) and the
// security schemes with the one to use by default.
import type { SecuritySchemeSpec } from '../src/artifacts.ts'
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
  if (!baseUrl) warnings.push({ pointer: '#/servers', message: 'no servers[0].url; calls need a base URL', fix: 'add `servers: [{ url: https://… }]` or set baseUrl in configuration' })
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
    })
  }
  const global = Array.isArray(doc.security) ? (doc.security as Json[]).flatMap((r) => Object.keys(r ?? {})) : []
  const usable = (n: string) => securitySchemes.some((s) => s.name === n && s.type !== 'mutualTLS')
  const bearer = securitySchemes.find((s) => s.type === 'http' && s.scheme === 'bearer')?.name
  const defaultScheme = global.find(usable) ?? bearer ?? securitySchemes.find((s) => usable(s.name))?.name
  return { title: String(info.title ?? ''), version: String(info.version ?? ''), baseUrl: baseUrl.replace(/\/+$/, ''), securitySchemes, defaultScheme }
}
