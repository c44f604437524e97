// Free-text search over operations: MiniSearch (BM25) over stemmed fields with per-field boosts, queried with
// the expanded query's weighted terms, then re-ranked (rerank-hit.ts). Documents come in by injection, so the
// Worker and the Node scripts run this very module.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch'
import type { SearchDoc } from '../artifacts.ts'
import { analyzeText, splitWords, termOf } from './analyze-text.ts'
import { collectPhrases, createPhraseIndex, type Phrases } from './create-phrase-index.ts'
import { createWordVariants } from './create-word-variants.ts'
import { expandQuery } from './expand-query.ts'
import { type IndexedDoc, indexOperations, titleKey } from './index-operations.ts'
import { rerankHit } from './rerank-hit.ts'
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning.ts'

const VERB_TERMS = new Set(['list', 'get', 'create', 'update', 'delete'].map(termOf))
const VERB_FIELDS = Object.keys(DEFAULT_TUNING.boost).filter((f) => f !== 'params' && f !== 'specWords')

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
  /** Only operations this says the user may call. */
  visible?: (api: string, name: string) => boolean
  limit: number
  offset: number
}

export interface SearchEngine {
  search(query: string, options: SearchOptions): { hits: SearchHit[]; total: number }
}

/** The built index in JSON: codegen writes it (generated/search-index.json and a static asset), so a new isolate
 * restores it instead of indexing every operation again. */
export interface EngineSnapshot {
  index: AsPlainObject
  /** Every term the documents hold, for the query's word variants. */
  vocabulary: string[]
  phrases: Phrases
  /** The APIs' own names' words: a query's "... to cloudflare" says nothing about which operation is meant. */
  apiWords: string[]
}

/** Builds the index over every API's search documents; `tuning` is for the benchmark's ablations. */
export function createSearchEngine(sources: SearchSource[], tuning: SearchTuning = DEFAULT_TUNING): SearchEngine {
  return engineOver(buildIndex(sources, tuning), tuning)
}

/** The index over `sources`, as codegen stores it. */
export function snapshotSearchEngine(sources: SearchSource[]): EngineSnapshot {
  const built = buildIndex(sources, DEFAULT_TUNING)
  return { index: built.ms.toJSON(), vocabulary: [...built.vocabulary], phrases: built.phrases, apiWords: built.apiWords }
}

/** The engine `snapshotSearchEngine` stored, ranking exactly as `createSearchEngine` over the same documents. */
export function restoreSearchEngine(snapshot: EngineSnapshot): SearchEngine {
  const ms = MiniSearch.loadJS<IndexedDoc>(snapshot.index, miniSearchOptions(DEFAULT_TUNING))
  return engineOver({ ms, vocabulary: new Set(snapshot.vocabulary), phrases: snapshot.phrases, apiWords: snapshot.apiWords }, DEFAULT_TUNING)
}

interface BuiltIndex {
  ms: MiniSearch<IndexedDoc>
  vocabulary: Set<string>
  phrases: Phrases
  apiWords: string[]
}

function miniSearchOptions(tuning: SearchTuning, onTerm?: (term: string) => void): Options<IndexedDoc> {
  return {
    fields: Object.keys(tuning.boost),
    storeFields: ['api', 'name', 'intents', 'scope', 'tail', 'gist', 'title', 'depth', 'deprecated', 'self'],
    tokenize: (text) => {
      const terms = analyzeText(text)
      if (onTerm) for (const term of terms) onTerm(term)
      return terms
    },
    processTerm: (term) => term,
  }
}

function buildIndex(sources: SearchSource[], tuning: SearchTuning): BuiltIndex {
  const docs = sources.flatMap(({ api, docs }) => indexOperations(api, docs)).map((d, id) => ({ ...d, id }))
  const vocabulary = new Set<string>()
  const ms = new MiniSearch<IndexedDoc>(miniSearchOptions(tuning, (term) => vocabulary.add(term)))
  ms.addAll(docs)
  return { ms, vocabulary, phrases: collectPhrases(docs), apiWords: sources.flatMap(({ api }) => splitWords(api)) }
}

function engineOver(built: BuiltIndex, tuning: SearchTuning): SearchEngine {
  const { ms, apiWords } = built
  const phrases = createPhraseIndex(built.phrases)
  const variantsOf = createWordVariants(built.vocabulary)
  return {
    search(query, options) {
      const expanded = expandQuery(query, { ignore: apiWords, variantsOf, tuning })
      if (expanded.weights.size === 0) return { hits: [], total: 0 }
      // The five verbs name what an operation does, not a field it takes: "created" and "updated" in params and
      // schema words are timestamps, no evidence that an operation creates or updates.
      const terms = [...expanded.weights.keys()]
      const verbs = terms.filter((t) => VERB_TERMS.has(t))
      const others = terms.filter((t) => !VERB_TERMS.has(t))
      const results = ms.search(
        { combineWith: 'OR', queries: verbs.length ? [{ queries: others }, { queries: verbs, fields: VERB_FIELDS }] : others },
        {
          tokenize: (text) => [text],
          processTerm: (term) => term,
          boost: tuning.boost,
          boostTerm: (term) => expanded.weights.get(term) ?? 1,
          prefix: (term) => term.length >= 4,
          fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
          weights: { prefix: tuning.prefixWeight, fuzzy: tuning.fuzzyWeight },
          filter: options.api || options.visible ? (r) => (!options.api || r.api === options.api) && (!options.visible || options.visible(r.api, r.name)) : undefined,
        },
      )
      // An identifier the query spells out word for word ("always use https") is a value the operation takes.
      const named = phrases.find(query)
      // A query that repeats an operation's summary word for word ("get the authenticated user") names it.
      const title = titleKey(query)
      const ranked = results.map((r) => ({
        api: r.api as string,
        name: r.name as string,
        score: rerankHit(r, expanded, named.get(r.id), tuning) * (1 + tuning.phraseBoost * (named.get(r.id) ?? 0)) * (title && r.title === title ? 1 + tuning.titleMatch : 1),
      }))
      ranked.sort((a, b) => b.score - a.score)
      return { hits: ranked.slice(options.offset, options.offset + options.limit), total: ranked.length }
    },
  }
}
