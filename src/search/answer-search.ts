// The `search` tool's answer: exact lookups (operation name, `METHOD /path`, type name) or a ranked list within a
// token budget, always ending with how to see more. Takes its catalog as an argument, so the Worker, the CLI and
// the benchmark all answer with this one function.
import type { OperationSpec } from '../artifacts.ts'
import type { Catalog } from '../create-catalog.ts'
import { splitWords } from './analyze-text.ts'
import { describeMiss, IDENTIFIER, nearNames } from './describe-miss.ts'
import { formatResults } from './format-results.ts'
import { lookupExact } from './lookup-exact.ts'
import { createSearchEngine, restoreSearchEngine, type SearchEngine } from './search-engine.ts'

export interface SearchArgs {
  query: string
  api?: string
  page?: number
}

export interface SearchAnswer {
  text: string
  isError?: boolean
}

export const SEARCH_PAGE_SIZE = 6
export const MAX_SEARCH_TOKENS = 440
/** Far past any request for an operation (the longest benchmark query is under 200); longer text costs ranking and
 * near-name matching seconds of CPU and is refused. */
export const MAX_QUERY_CHARS = 500

const engines = new WeakMap<Catalog, SearchEngine>()

/** The search engine over a catalog's operations, restored from codegen's index (or built) on first use and kept. */
export function engineFor(catalog: Catalog): SearchEngine {
  let engine = engines.get(catalog)
  if (!engine) {
    const snapshot = catalog.getSearchIndex()
    engine = snapshot ? restoreSearchEngine(snapshot) : createSearchEngine(catalog.apiNames().map((api) => ({ api, docs: catalog.getSearchDocs(api) })))
    engines.set(catalog, engine)
  }
  return engine
}

/** Answers a `search` call: an exact item in full, or one page of ranked operations. */
/** What one user sees: only what they may call, and a note on an operation (a scope their sign-in lacks). */
export interface SearchView {
  visible?: (api: string, name: string) => boolean
  annotate?: (api: string, op: OperationSpec) => string | undefined
}

export function answerSearch(catalog: Catalog, args: SearchArgs, view: SearchView = {}): SearchAnswer {
  const { visible } = view
  const query = args.query.trim()
  if (query.length > MAX_QUERY_CHARS)
    return {
      text: `The query is ${query.length.toLocaleString('en-US')} characters; search takes at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}. Search with a few words (a resource and a verb), an exact operation name, "METHOD /path" or a type name.`,
      isError: true,
    }
  const apis = catalog.apiNames()
  if (args.api && !apis.includes(args.api)) return { text: `Unknown API "${args.api}". APIs: ${apis.join(', ')}.`, isError: true }
  const exact = lookupExact(catalog, query, args.api, view)
  if (exact) return { text: exact }
  const miss = describeMiss(catalog, query, args.api)
  const page = Math.max(1, Math.floor(args.page ?? 1))
  // A name that is not there is searched for by its words ("zonesGetx" -> "zones get x").
  const words = miss && IDENTIFIER.test(query) ? splitWords(query).join(' ') : query
  const near = miss && page === 1 ? nearNames(catalog, query, args.api).filter((n) => !visible || visible(n.api, n.name)) : []
  const found = engineFor(catalog).search(words, { api: args.api, visible, limit: SEARCH_PAGE_SIZE + near.length, offset: (page - 1) * SEARCH_PAGE_SIZE })
  const isNear = (h: { api: string; name: string }) => near.some((n) => n.api === h.api && n.name === h.name)
  const hits = [...near.map((n) => ({ ...n, score: Number.POSITIVE_INFINITY })), ...found.hits.filter((h) => !isNear(h))].slice(0, SEARCH_PAGE_SIZE)
  const total = found.total
  pairByPath(catalog, hits)
  if (total > 0 && hits.length === 0) {
    return { text: `Page ${page} is past the end: "${query}" has ${total} match(es), ${SEARCH_PAGE_SIZE} per page, so the last page is ${Math.ceil(total / SEARCH_PAGE_SIZE)}.` }
  }
  if (hits.length === 0) {
    const none = miss ? `${miss} Nothing else comes close.` : `No operations match "${query}".`
    return { text: `${none} Try other words (a resource and a verb, like "list zones"), or name an API: ${apis.join(', ')}.` }
  }
  const heading = miss ? `${miss} Closest operations, as suggestions only:` : undefined
  return { text: formatResults(catalog, hits, { query, page, pageSize: SEARCH_PAGE_SIZE, total, maxTokens: MAX_SEARCH_TOKENS, annotate: view.annotate, heading }) }
}

/** Moves each operation next to the better-ranked one on the same path, so a path's read and write sit together. */
function pairByPath(catalog: Catalog, hits: { api: string; name: string }[]): void {
  const pathOf = (h: { api: string; name: string }) => `${h.api} ${catalog.getApi(h.api)?.byName.get(h.name)?.path}`
  for (let i = 0; i < hits.length - 1; i++) {
    const path = pathOf(hits[i]!)
    const j = hits.findIndex((h, k) => k > i + 1 && pathOf(h) === path)
    if (j > 0 && pathOf(hits[i + 1]!) !== path) hits.splice(i + 1, 0, ...hits.splice(j, 1))
  }
}
