// The `search` tool's answer: exact lookups (operation name, `METHOD /path`, type name) or a ranked list, cut to
// a token budget, always ending with how to see more.
import { apiNames, getApi, getTypeIndex } from '../catalog.ts'
import { findOperationByPath } from '../host/find-operation.ts'
import { searchOperations } from './search-engine.ts'

export interface SearchArgs {
  query: string
  api?: string
  page?: number
}

const PAGE_SIZE = 8
const SIGNATURES_SHOWN = 3
const MAX_SIGNATURE_CHARS = 700

export function answerSearch(args: SearchArgs): { text: string; isError?: boolean } {
  const query = args.query.trim()
  if (args.api && !getApi(args.api)) return { text: `Unknown API "${args.api}". APIs: ${apiNames().join(', ')}.`, isError: true }
  const exact = lookup(query, args.api)
  if (exact) return { text: exact }
  const page = Math.max(1, args.page ?? 1)
  const { hits, total } = searchOperations(query, { api: args.api, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  if (hits.length === 0) return { text: `No operations match "${query}". Try other words (a resource and a verb, like "list zones"), or name an API: ${apiNames().join(', ')}.` }
  const lines = [`${total} match(es) for "${query}", page ${page}:`]
  hits.forEach((hit, i) => {
    const op = getApi(hit.api)?.byName.get(hit.name)
    if (!op) return
    const flags = [op.method !== 'GET' && op.method !== 'HEAD' ? 'writes' : '', op.deprecated ? 'deprecated' : ''].filter(Boolean).join(', ')
    lines.push(`${(page - 1) * PAGE_SIZE + i + 1}. ${hit.api}.${op.name} — ${op.method} ${op.path}${op.summary ? ` — ${op.summary}` : ''}${flags ? ` [${flags}]` : ''}`)
    if (i < SIGNATURES_SHOWN) lines.push(`   ${clip(getTypeIndex(hit.api).operations[op.name]?.signature ?? '', MAX_SIGNATURE_CHARS)}`)
  })
  const more = total > page * PAGE_SIZE ? `page: ${page + 1} for more; ` : ''
  lines.push(`More: ${more}search an exact name (e.g. "${hits[0]?.api}.${hits[0]?.name}") for its full signature and types.`)
  return { text: lines.join('\n') }
}

function lookup(query: string, onlyApi?: string): string | undefined {
  const apis = onlyApi ? [onlyApi] : apiNames()
  const qualified = /^([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)$/.exec(query)
  const methodPath = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+(\/\S*)$/i.exec(query)
  for (const api of apis) {
    const index = getTypeIndex(api)
    const name = qualified ? (qualified[1] === api ? qualified[2] : undefined) : query
    if (name && index.operations[name]) return operationDetail(api, name)
    if (methodPath) {
      const found = findOperationByPath(getApi(api)!, methodPath[1], methodPath[2])
      if ('op' in found) return operationDetail(api, found.op.name)
    }
    if (index.types[query]) return `${api} type ${query}:\n${index.types[query]}`
  }
  return undefined
}

function operationDetail(api: string, name: string): string {
  const op = getApi(api)!.byName.get(name)!
  const entry = getTypeIndex(api).operations[name]!
  const types = getTypeIndex(api).types
  const lines = [`${api}.${name} — ${op.method} ${op.path}${op.summary ? ` — ${op.summary}` : ''}${op.deprecated ? ' [deprecated]' : ''}`, entry.signature]
  const shown = entry.types.slice(0, 6)
  if (shown.length) lines.push('', 'Types:', ...shown.map((t) => clip(types[t] ?? '', 1500)))
  if (entry.types.length > shown.length) lines.push(`(${entry.types.length - shown.length} more types: search a type name to see it: ${entry.types.slice(6).join(', ')})`)
  return lines.join('\n')
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (search the exact name for all of it)` : s)
