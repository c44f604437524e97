// Re-ranking of MiniSearch's BM25 hits with what plain text scoring misses: how many of the query's words an
// operation covers, how much of its path and summary the query named, whether its method does what the query
// asks, how deep it sits, and whether it is deprecated.
import type { SearchResult } from 'minisearch'
import type { ExpandedQuery, Intent } from './expand-query.ts'
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning.ts'
import { CANONICAL, INTENT_BY_STEM } from './synonyms.ts'

/** The final score of one hit for an expanded query; `namedWords` query words spelt one of its identifiers. */
export function rerankHit(r: SearchResult, expanded: ExpandedQuery, namedWords = 0, tuning: SearchTuning = DEFAULT_TUNING): number {
  // A word found only in the schema's words, or only in the description's prose, is weaker evidence than one in the
  // summary, path or name.
  // MiniSearch keys `match` by the document's term, which a prefix or fuzzy match makes longer or different.
  const matches = Object.entries(r.match)
  const strength = (term: string) => {
    if (!r.queryTerms.includes(term)) return 0
    const fields = matches.filter(([found]) => found.startsWith(term)).flatMap(([, fields]) => fields)
    return fields.length ? Math.max(...fields.map((field) => (field === 'specWords' ? tuning.specWordsEvidence : field === 'description' ? tuning.descriptionEvidence : 1))) : 1
  }
  // The method says the verb: a POST to a collection covers "create" whether or not its text says so.
  const intents = r.intents as [Intent, number][]
  const methodSays = (term: string) => CANONICAL.get(term) === term && intents.some(([i, w]) => w >= 1 && INTENT_BY_STEM.get(term) === i)
  const evidence = (term: string) => Math.max(strength(term), methodSays(term) ? tuning.methodCovers : 0)
  const covered = expanded.words.reduce((sum, terms) => sum + Math.max(0, ...[...terms].map(evidence)), 0)
  // Words the query spelt as one of the operation's identifiers (create-phrase-index.ts) are fully found.
  const coverage = expanded.words.length ? Math.min(1, Math.max(covered, namedWords) / expanded.words.length) : 1
  let score = r.score * coverage ** tuning.coveragePower
  // Path words the query never asked for mean a more specialised operation than the one wanted.
  // Scope words count half: "/accounts/{account_id}/..." rarely comes up in a question.
  const pathTerms = [...(r.tail as string[]).map((w) => [w, 1] as const), ...(r.scope as string[]).map((w) => [w, tuning.scopeWeight] as const)]
  const total = pathTerms.reduce((sum, [, weight]) => sum + weight, 0)
  const found = pathTerms.reduce((sum, [w, weight]) => sum + (expanded.weights.has(w) ? weight : 0), 0)
  score *= total ? 1 - tuning.pathFit + (tuning.pathFit * found) / total : 1
  // Likewise for the summary: "Delete Zone" fits "delete a zone" better than "Remove Zone Hold" does.
  const gist = r.gist as string[]
  if (gist.length) score *= 1 - tuning.summaryFit + (tuning.summaryFit * gist.filter((w) => expanded.weights.has(w)).length) / gist.length
  score /= 1 + tuning.depthPenalty * (r.depth as number)
  if (expanded.intents.size && intents.length) {
    const matched = intents.reduce((sum, [i, weight]) => sum + weight * (expanded.intents.get(i) ?? 0), 0)
    const sure = [...expanded.intents.values()].some((w) => w >= 1)
    score *= matched ? 1 + tuning.intentMatch * matched : sure ? tuning.intentMismatch : 1
  }
  // A request that names no reading ("point my A record at a new IP") asks for something done, seldom a read.
  if (expanded.action && intents.length && intents.every(([i]) => i === 'get' || i === 'list')) score *= tuning.actionRead
  if (expanded.firstPerson && r.self) score *= 1 + tuning.selfMatch
  return r.deprecated ? score * tuning.deprecatedFactor : score
}
