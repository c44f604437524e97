// Re-ranking of MiniSearch's BM25 hits with what plain text scoring misses: how many of the query's words an
// operation covers, how much of its path and summary the query named, whether its method does what the query
// asks, how deep it sits, and whether it is deprecated.
import type { SearchResult } from 'minisearch'
import type { ExpandedQuery, Intent } from './expand-query.ts'

const DEPRECATED_FACTOR = 0.4
const INTENT_MATCH = 0.4
const INTENT_MISMATCH = 0.7
const DEPTH_PENALTY = 0.04
const SUMMARY_WEIGHT = 0.5

/** The final score of one hit for an expanded query. */
export function rerankHit(r: SearchResult, expanded: ExpandedQuery): number {
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
  // Likewise for the summary: "Delete Zone" fits "delete a zone" better than "Remove Zone Hold" does.
  const gist = r.gist as string[]
  if (gist.length) score *= 1 - SUMMARY_WEIGHT + (SUMMARY_WEIGHT * gist.filter((w) => expanded.weights.has(w)).length) / gist.length
  score /= 1 + DEPTH_PENALTY * (r.depth as number)
  const intents = r.intents as [Intent, number][]
  if (expanded.intents.size && intents.length) {
    const matched = intents.reduce((sum, [i, weight]) => sum + weight * (expanded.intents.get(i) ?? 0), 0)
    const sure = [...expanded.intents.values()].some((w) => w >= 1)
    score *= matched ? 1 + INTENT_MATCH * matched : sure ? INTENT_MISMATCH : 1
  }
  return r.deprecated ? score * DEPRECATED_FACTOR : score
}
