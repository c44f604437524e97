// Free-text search over operations: MiniSearch (BM25) over stemmed fields with per-field boosts, queried with
// synonym-expanded terms, then re-ranked by how many query words each operation covers, by whether its method
// does what the query's verbs ask, and with deprecated operations pushed down. Documents come in by injection,
// so the Worker and the Node scripts run this very module.
import MiniSearch, { type SearchResult } from 'minisearch'
import type { SearchDoc } from '../artifacts.ts'
import { analyzeText, pathWords, resourceWords, splitWords } from './analyze-text.ts'
import { expandQuery, type Intent } from './expand-query.ts'

export { splitWords }

export interface SearchSource {
  api: string
  docs: SearchDoc[]
}

export interface SearchHit {
  api: string
  name: string
  score: number
}

export interface SearchOptions {
  api?: string
  limit: number
  offset: number
}

export interface SearchEngine {
  search(query: string, options: SearchOptions): { hits: SearchHit[]; total: number }
}

interface IndexedDoc {
  id: number
  api: string
  name: string
  words: string
  path: string
  resource: string
  summary: string
  description: string
  tags: string
  params: string
  intents: [Intent, number][]
  /** Stemmed literal path words after the first parameter: what the operation is about, below its scope. */
  tail: string[]
  /** Stemmed literal path words before the first parameter: the scope ("accounts", "customers"). */
  scope: string[]
  /** Path segments, literal or parameter: deeper operations are more specialised. */
  depth: number
  deprecated: boolean
}

const BOOST = { summary: 3, resource: 2.5, words: 1.5, path: 1.5, tags: 1, description: 0.6, params: 0.3 }
const DEPRECATED_FACTOR = 0.4
const INTENT_MATCH = 0.4
const INTENT_MISMATCH = 0.7
const DEPTH_PENALTY = 0.04

/** Builds the index over every API's search documents. */
export function createSearchEngine(sources: SearchSource[]): SearchEngine {
  const docs = sources.flatMap(({ api, docs }) => indexedDocs(api, docs)).map((d, id) => ({ ...d, id }))
  const ms = new MiniSearch<IndexedDoc>({
    fields: Object.keys(BOOST),
    storeFields: ['api', 'name', 'intents', 'scope', 'tail', 'depth', 'deprecated'],
    tokenize: analyzeText,
    processTerm: (term) => term,
  })
  ms.addAll(docs)
  // The API's own name in a query ("... to cloudflare") says nothing about which operation is meant.
  const apiWords = sources.flatMap(({ api }) => splitWords(api))
  return {
    search(query, options) {
      const expanded = expandQuery(query, apiWords)
      if (expanded.weights.size === 0) return { hits: [], total: 0 }
      const results = ms.search(
        { combineWith: 'OR', queries: [...expanded.weights.keys()] },
        {
          tokenize: (text) => [text],
          processTerm: (term) => term,
          boost: BOOST,
          boostTerm: (term) => expanded.weights.get(term) ?? 1,
          prefix: (term) => term.length >= 4,
          fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
          weights: { prefix: 0.3, fuzzy: 0.2 },
          filter: options.api ? (r) => r.api === options.api : undefined,
        },
      )
      const ranked = results.map((r) => ({ api: r.api as string, name: r.name as string, score: rerank(r, expanded) }))
      ranked.sort((a, b) => b.score - a.score)
      return { hits: ranked.slice(options.offset, options.offset + options.limit), total: ranked.length }
    },
  }
}

function rerank(r: SearchResult, expanded: ReturnType<typeof expandQuery>): number {
  const matched = new Set(r.queryTerms)
  const covered = expanded.words.filter((terms) => [...terms].some((t) => matched.has(t))).length
  const coverage = expanded.words.length ? covered / expanded.words.length : 1
  let score = r.score * coverage * coverage
  // Path words the query never asked for mean a more specialised operation than the one wanted.
  // Scope words count half: "/accounts/{account_id}/..." rarely comes up in a question.
  const pathTerms = [...(r.tail as string[]).map((w) => [w, 1] as const), ...(r.scope as string[]).map((w) => [w, 0.5] as const)]
  const total = pathTerms.reduce((sum, [, weight]) => sum + weight, 0)
  const found = pathTerms.reduce((sum, [w, weight]) => sum + (expanded.weights.has(w) ? weight : 0), 0)
  score *= total ? 0.5 + (0.5 * found) / total : 1
  score /= 1 + DEPTH_PENALTY * (r.depth as number)
  const intents = r.intents as [Intent, number][]
  if (expanded.intents.size && intents.length) {
    const matched = intents.reduce((sum, [i, weight]) => sum + weight * (expanded.intents.get(i) ?? 0), 0)
    const sure = [...expanded.intents.values()].some((w) => w >= 1)
    score *= matched ? 1 + INTENT_MATCH * matched : sure ? INTENT_MISMATCH : 1
  }
  return r.deprecated ? score * DEPRECATED_FACTOR : score
}

function indexedDocs(api: string, docs: SearchDoc[]): IndexedDoc[] {
  const collections = new Set(docs.filter((d) => d.method === 'GET').map((d) => d.path))
  return docs.map((d) => ({
    id: 0,
    api,
    name: d.name,
    words: splitWords(d.name).join(' '),
    path: pathWords(d.path),
    resource: resourceWords(d.path),
    summary: d.summary || firstSentence(d.description),
    description: d.description,
    tags: d.tags.join(' '),
    params: d.params.join(' '),
    intents: intentsOf(d.method, d.path, collections.has(d.path)),
    ...pathParts(d.path),
    depth: d.path.split('/').filter(Boolean).length,
    deprecated: d.deprecated,
  }))
}

/** What an operation does, judged from its method and path: POST to a collection creates, POST to an item updates. */
function intentsOf(method: string, path: string, isCollection: boolean): [Intent, number][] {
  const item = path.endsWith('}')
  switch (method) {
    case 'GET':
      return item ? [['get', 1]] : [['list', 1], ['get', 0.5]]
    case 'POST':
      return isCollection ? [['create', 1]] : item ? [['update', 1]] : []
    case 'PUT':
      return [['update', 1], ['create', 0.5]]
    case 'PATCH':
      return [['update', 1]]
    case 'DELETE':
      return [['delete', 1]]
    default:
      return []
  }
}

function pathParts(path: string): { scope: string[]; tail: string[] } {
  const segments = path.split('/').filter((seg) => seg && !/^v[0-9]+$/.test(seg))
  const firstParam = segments.findIndex((seg) => seg.startsWith('{'))
  const literal = (segs: string[]) => analyzeText(segs.filter((seg) => !seg.startsWith('{')).join(' '))
  return firstParam < 0 ? { scope: [], tail: literal(segments) } : { scope: literal(segments.slice(0, firstParam)), tail: literal(segments.slice(firstParam + 1)) }
}
const firstSentence = (text: string) => /^(.*?[.!?])(\s|$)/s.exec(text.replace(/<[^>]+>/g, ' ').trim())?.[1] ?? text.slice(0, 160)
