// Baselines the search benchmark measures beside the real engine, in the same run: MiniSearch with its defaults,
// and the engine this project shipped before (split words, field boosts, prefix and fuzzy, no stemming).
import MiniSearch from 'minisearch'
import type { SearchDoc } from '../src/artifacts.ts'
import type { SearchEngine, SearchSource } from '../src/search/search-engine.ts'

type Doc = SearchDoc & { id: number; api: string; route: string }

function engineOver(ms: MiniSearch<Doc>, options: Parameters<MiniSearch<Doc>['search']>[1], deprecatedFactor: number): SearchEngine {
  return {
    search(query, { api, limit, offset }) {
      const all = ms
        .search(query, { ...options, filter: api ? (r) => r.api === api : undefined })
        .map((r) => ({ api: r.api as string, name: r.name as string, score: r.deprecated ? r.score * deprecatedFactor : r.score }))
        .sort((a, b) => b.score - a.score)
      return { hits: all.slice(offset, offset + limit), total: all.length }
    },
  }
}

const docsOf = (sources: SearchSource[]): Doc[] =>
  sources.flatMap(({ api, docs }) => docs.map((d) => ({ ...d, api, route: `${d.method} ${d.path}` }))).map((d, id) => ({ ...d, id }))

const joinArrays = (doc: Doc, field: string) => {
  const v = (doc as unknown as Record<string, unknown>)[field]
  return Array.isArray(v) ? v.join(' ') : String(v ?? '')
}

/** MiniSearch with default tokenizer, term processing and scoring over the same fields, no boosts. */
export function createDefaultMiniSearch(sources: SearchSource[]): SearchEngine {
  const ms = new MiniSearch<Doc>({
    fields: ['name', 'route', 'summary', 'description', 'tags', 'params'],
    storeFields: ['api', 'name', 'deprecated'],
    extractField: joinArrays,
  })
  ms.addAll(docsOf(sources))
  return engineOver(ms, {}, 1)
}

/** The engine before this benchmark: identifier splitting, boosts on name and summary, prefix and fuzzy matching. */
export function createPreviousEngine(sources: SearchSource[]): SearchEngine {
  const splitWords = (text: string) =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 || /[0-9]/.test(w))
  const ms = new MiniSearch<Doc>({
    fields: ['name', 'route', 'summary', 'description', 'tags', 'params'],
    storeFields: ['api', 'name', 'deprecated'],
    extractField: joinArrays,
    tokenize: splitWords,
  })
  ms.addAll(docsOf(sources))
  return engineOver(ms, { boost: { name: 3, summary: 3, route: 2, tags: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'OR' }, 0.5)
}
