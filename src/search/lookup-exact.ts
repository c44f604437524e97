// Exact lookups for `search`: an operation name ("zonesGet", "cloudflare.zonesGet"), a `METHOD /path` (a template
// or a concrete path), or a type name. Each returns that item in full, with the named types an operation uses.
import type { Catalog } from '../create-catalog.ts'
import { findOperationByPath } from '../host/find-operation.ts'
import type { SearchView } from './answer-search.ts'
import { cleanDescription } from './clean-description.ts'
import { IDENTIFIER, METHOD_PATH } from './describe-miss.ts'
import { findReplacement } from './find-replacement.ts'
import { operationFlags, PAGING, sharedParamsLines } from './format-results.ts'

const TYPES_SHOWN = 6
const MAX_TYPES_WITH_MEMBERS = 9
const MAX_DESCRIPTION_CHARS = 700
const MAX_TYPE_CHARS = 1500

/** Returns the full answer for an exact operation name, `METHOD /path` or type name, or undefined if none matches. */
export function lookupExact(catalog: Catalog, query: string, onlyApi?: string, view: SearchView = {}): string | undefined {
  const apis = onlyApi ? [onlyApi] : catalog.apiNames()
  const shown = (api: string, name: string) => !view.visible || view.visible(api, name)
  const full = (api: string, name: string) => operationDetail(catalog, api, name, view.annotate)
  const id = IDENTIFIER.exec(query)
  const methodPath = METHOD_PATH.exec(query)
  if (methodPath) {
    for (const api of apis) {
      const found = findOperationByPath(catalog.getApi(api)!, methodPath[1], methodPath[2])
      if ('op' in found && shown(api, found.op.name)) return full(api, found.op.name)
    }
    return undefined
  }
  if (!id) return undefined
  const [, qualifier, name] = id as unknown as [string, string | undefined, string]
  for (const api of apis) {
    if (qualifier && qualifier !== api) continue
    const index = catalog.getTypeIndex(api)
    // Own keys only: "constructor" or "__proto__" is a name an agent may send, not one the tables hold.
    if (Object.hasOwn(index.operations, name) && shown(api, name)) return full(api, name)
    if (Object.hasOwn(index.types, name)) return `${api} type ${name}:\n${index.types[name]}`
  }
  // An agent may get the case of a name wrong ("ZonesGet"); a unique case-insensitive match is still exact.
  for (const api of apis) {
    if (qualifier && qualifier !== api) continue
    const lower = name.toLowerCase()
    const match = Object.keys(catalog.getTypeIndex(api).operations).find((n) => n.toLowerCase() === lower)
    if (match && shown(api, match)) return full(api, match)
  }
  return undefined
}

/** The full entry of one operation: its line, its signature, and the named types it uses. */
export function operationDetail(catalog: Catalog, api: string, name: string, annotate?: SearchView['annotate']): string {
  const op = catalog.getApi(api)!.byName.get(name)!
  const index = catalog.getTypeIndex(api)
  const entry = index.operations[name]!
  const flags = operationFlags(op, catalog.getApi(api)!.meta, annotate?.(api, op))
  const lines = [`${api}.${name} — ${op.method} ${op.path}${op.summary ? ` — ${op.summary}` : ''}${flags ? ` [${flags}]` : ''}`]
  const description = catalog.getDescription(api, name)
  const prose = cleanDescription(description, MAX_DESCRIPTION_CHARS)
  if (prose && prose !== op.summary) lines.push(prose)
  if (op.deprecated) {
    const next = findReplacement(catalog.getApi(api)!, description, name)
    lines.push(next ? `Deprecated: the spec names ${api}.${next} as its replacement.` : 'Deprecated, and the spec names no replacement.')
  }
  lines.push(entry.signature, ...sharedParamsLines(catalog, [api]))
  if (op.pagination) {
    const items = op.pagination.items ? `each item of ${op.pagination.items}` : 'each item'
    lines.push(`Pages by ${PAGING[op.pagination.style]}: for await (const item of ${api}.paginate('${name}', input, { maxItems: 100 })) walks ${items} across pages.`)
  }
  const ids = Object.entries(entry.ids ?? {})
  if (ids.length) lines.push(`Where its ids come from: ${ids.map(([param, from]) => `${param} ← ${api}.${from}`).join('; ')}.`)
  const shown = withLikelyMembers(entry.types.slice(0, TYPES_SHOWN), index.types)
  if (shown.length) lines.push('', 'Types:', ...shown.map((t) => clip(index.types[t] ?? '', MAX_TYPE_CHARS)))
  const more = entry.types.filter((t) => !shown.includes(t))
  if (more.length) lines.push(`(${more.length} more types: search a type name to see it: ${more.join(', ')})`)
  return lines.join('\n')
}

/**
 * The types shown, and after a union of named types (a DNS record is one of 20 kinds) its first member and the named
 * types that member is built from, so the fields of a likely member are there without another search.
 */
function withLikelyMembers(types: string[], declarations: Record<string, string>): string[] {
  const out: string[] = []
  const add = (t: string) => out.includes(t) || out.push(t)
  for (const t of types) {
    add(t)
    const union = /^type \S+ = ([A-Z][\w$]*)(?: \| [A-Z][\w$]*)+$/.exec(declarations[t] ?? '')
    const member = union?.[1]
    if (!member || !declarations[member] || out.length >= MAX_TYPES_WITH_MEMBERS) continue
    add(member)
    for (const part of (declarations[member] ?? '').match(/\b[A-Z][\w$]*\b/g) ?? []) if (declarations[part] && part !== member) add(part)
  }
  return out.slice(0, MAX_TYPES_WITH_MEMBERS)
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (search the exact type name for all of it)` : s)
