// Query analysis: the query's terms (stemmed, synonyms folded as in the index), related nouns at a lower weight,
// and what the caller means to do (list, read, create, update, delete), which ranking compares to the method.
import { queryWords, termOf } from './analyze-text.ts'
import { stemWord } from './stem-word.ts'
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning.ts'
import { CANONICAL, INTENT_BY_STEM, type Intent, RELATED } from './synonyms.ts'

export type { Intent }

export interface ExpandedQuery {
  /** Every term to look up, with its weight: 1 for the query's own terms, less for related ones. */
  weights: Map<string, number>
  /** For each query word, the terms that count as finding it. */
  words: Set<string>[]
  /** What the query asks to do, with how sure: 1 for a verb, less for a hint such as a plural noun. */
  intents: Map<Intent, number>
}

/** Analyzes a free-text query into weighted terms, per-word term sets and intents. */
export function expandQuery(query: string, ignore: string[] = [], tuning: SearchTuning = DEFAULT_TUNING): ExpandedQuery {
  const weights = new Map<string, number>()
  const words: Set<string>[] = []
  const intents = new Map<Intent, number>()
  for (const word of queryWords(query)) {
    if (ignore.includes(word)) continue
    const intent = INTENT_BY_STEM.get(stemWord(word))
    if (intent) intents.set(intent, 1)
    // A hint ("which", "open") says what to do, not what to find: it is no term.
    if (intent && !CANONICAL.has(stemWord(word))) continue
    const term = termOf(word)
    const terms = new Set([term])
    // Read verbs ("show", "list") occur in most summaries: they weigh less, and the method decides instead.
    const own = intent === 'get' || intent === 'list' ? tuning.readVerbWeight : 1
    weights.set(term, Math.max(own, weights.get(term) ?? 0))
    for (const related of RELATED.get(term) ?? []) {
      terms.add(related)
      weights.set(related, Math.max(tuning.relatedWeight, weights.get(related) ?? 0))
    }
    // A plural noun suggests a list; weaker evidence than a verb.
    if (!intent && word.length > 3 && /[^su]s$/.test(word) && stemWord(word) !== word) intents.set('list', Math.max(tuning.pluralListWeight, intents.get('list') ?? 0))
    if (own === 1 && !words.some((w) => w.has(term))) words.push(terms)
  }
  // "a comment", "an issue": one item is wanted, so a list is less likely (unless the query asks for one).
  if (!intents.has('list') && /\b(a|an|one|single|specific)\b/i.test(query)) intents.set('list', tuning.singularListWeight)
  return { weights, words, intents }
}
