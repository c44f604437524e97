// Exact lookups for `search`: an operation name ("zonesGet", "cloudflare.zonesGet"), a `METHOD /path` (a template
// or a concrete path), or a type name. Each returns that item in full, with the named types an operation uses.
import type { Catalog } from '../create-catalog.ts'
import { findOperationByPath } from '../host/find-operation.ts'
import type { SearchView } from './answer-search.ts'
import { operationFlags } from './format-results.ts'

const IDENTIFIER = /^(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)$/
const METHOD_PATH = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+(\/\S*)$/i
const TYPES_SHOWN = 6
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
    if (index.operations[name] && shown(api, name)) return full(api, name)
    if (index.types[name]) return `${api} type ${name}:\n${index.types[name]}`
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
  const lines = [`${api}.${name} — ${op.method} ${op.path}${op.summary ? ` — ${op.summary}` : ''}${flags ? ` [${flags}]` : ''}`, entry.signature]
  const shown = entry.types.slice(0, TYPES_SHOWN)
  if (shown.length) lines.push('', 'Types:', ...shown.map((t) => clip(index.types[t] ?? '', MAX_TYPE_CHARS)))
  if (entry.types.length > shown.length) {
    lines.push(`(${entry.types.length - shown.length} more types: search a type name to see it: ${entry.types.slice(TYPES_SHOWN).join(', ')})`)
  }
  return lines.join('\n')
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (search the exact type name for all of it)` : s)
