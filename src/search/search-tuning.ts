// Every number the ranking uses, in one place, so the benchmark can switch each part off and show what it is worth
// (`npm run bench:search -- --ablate`). The defaults are what the server runs.

export interface SearchTuning {
  /** MiniSearch field boosts. */
  boost: Record<'summary' | 'resource' | 'words' | 'path' | 'tags' | 'description' | 'params' | 'specWords' | 'vocabulary', number>
  /** Score weight of a prefix match and of a fuzzy match, against 1 for an exact term. */
  prefixWeight: number
  fuzzyWeight: number
  /** Weight of a derived form ("contributor" for "contributed") against the query's own word. */
  variantWeight: number
  /** Weight of a related noun ("domain" for "zone") against 1 for the query's own word. */
  relatedWeight: number
  /** Weight of a read verb ("show", "list"), which most summaries contain. */
  readVerbWeight: number
  /** Weight of a word that hints at what to do ("invite", "archive") as a term to find. */
  hintWeight: number
  /** How sure a plural noun makes a list, and how much an article ("a", "one") argues against one. */
  pluralListWeight: number
  singularListWeight: number
  /** Exponent on the share of query words an operation covers. */
  coveragePower: number
  /** Evidence of a word found only in schema words, or only in the description, against 1 in the summary or path. */
  specWordsEvidence: number
  descriptionEvidence: number
  /** Share of the score that depends on how many of the path's words the query named (0 turns it off). */
  pathFit: number
  /** Weight of a scope word ("accounts" in /accounts/{id}/...) in that fit, against 1 for the rest of the path. */
  scopeWeight: number
  /** Share of the score that depends on how many of the summary's words the query named. */
  summaryFit: number
  /** Score divisor per path segment: 1 + depthPenalty * segments. */
  depthPenalty: number
  /** Factor for an operation whose method does what the query asks (1 + intentMatch), and for one that does not. */
  intentMatch: number
  intentMismatch: number
  /** Coverage of a verb ("create") by an operation whose method does it, against 1 for the word in its summary. */
  methodCovers: number
  /** Factor on a read operation when the query asks for something done and names no reading (not a question). */
  actionRead: number
  /** Factor for an operation on the caller's own user (1 + selfMatch) when the query says "me". */
  selfMatch: number
  /** Factor on a deprecated operation's score. */
  deprecatedFactor: number
  /** Boost per query word that spells one of the operation's identifiers ("always use https"). */
  phraseBoost: number
  /** Boost for an operation whose summary the query repeats word for word (1 + titleMatch). */
  titleMatch: number
  /** Weight of the words of a clause saying why or when ("... so visitors get fresh files") against the request's own. */
  purposeWeight: number
  /** Weight of the words of a value the query supplies (quoted text, a #channel, an @handle). */
  valueWeight: number
  /** Weight of the word naming a literal value's kind ("ip" for 203.0.113.10, "email", "domain"); the value's own letters count for nothing. */
  valueKindWeight: number
}

export const DEFAULT_TUNING: SearchTuning = {
  boost: { summary: 3, resource: 1.25, words: 0.75, path: 0.75, tags: 1, description: 0.8, params: 0.3, specWords: 0.5, vocabulary: 1.4 },
  prefixWeight: 0.3,
  fuzzyWeight: 0.2,
  variantWeight: 0.8,
  relatedWeight: 0.6,
  readVerbWeight: 0.5,
  hintWeight: 0.3,
  pluralListWeight: 0.5,
  singularListWeight: -1,
  coveragePower: 2,
  specWordsEvidence: 0.4,
  descriptionEvidence: 0.6,
  pathFit: 0.5,
  scopeWeight: 0.5,
  summaryFit: 0.5,
  depthPenalty: 0.04,
  intentMatch: 0.5,
  intentMismatch: 0.7,
  selfMatch: 0.3,
  actionRead: 0.7,
  methodCovers: 0.4,
  deprecatedFactor: 0.4,
  phraseBoost: 2,
  titleMatch: 2,
  purposeWeight: 0.3,
  valueWeight: 0.2,
  valueKindWeight: 0.5,
}
