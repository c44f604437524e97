// Query analysis: the query's terms (stemmed, synonyms folded as in the index), related nouns at a lower weight,
// and what the caller means to do (list, read, create, update, delete), which ranking compares to the method.
import { queryWords, termOf } from './analyze-text.ts'
import { findLiteralValues } from './find-literal-values.ts'
import { DEFAULT_TUNING, type SearchTuning } from './search-tuning.ts'
import { stemWord } from './stem-word.ts'
import { CANONICAL, INTENT_BY_STEM, type Intent, RELATED } from './synonyms.ts'

export type { Intent }

const FIRST_PERSON = /\b(me|my|mine|myself)\b/i
const PURPOSE = /(?<![\s,;])[\s,;]+(so( that)?|in order to|because|since|but|when|before|after|during|while)\s/i
/** A question about state ("what is ...", "how many ...", "is it ..."): what it asks for is read, whatever its verbs. */
const READ_QUESTION = /\b(what|which|who|whom|whose|where|how (many|much|long|often|big)|is|are|was|were|does|did|whether)\b|\?\s*$/i
/** A quoted string, or a #channel or @handle: a value. Apostrophes inside words ("let's", "Maria's") are not quotes. */
const VALUE = /(?<=^|[\s(:,])(["“'‘])[^"“”'‘’]{1,80}["”'’](?=[\s).,;:!?]|$)|(?<=^|\s)[#@][\w.-]+/g
const QUESTION_HINTS = new Set(['which', 'info', 'information'])
/** "someone" is no word an operation is found by, but it does point at the resources that are people. */
const SOMEONE = new Set(['someone', 'somebody', 'everyone', 'anyone', 'person'])
const PEOPLE_TERMS = ['member', 'user'].map(termOf)

export interface ExpandedQuery {
  /** Every term to look up, with its weight: 1 for the query's own terms, less for related ones. */
  weights: Map<string, number>
  /** For each query word, the terms that count as finding it. */
  words: Set<string>[]
  /** What the query asks to do, with how sure: 1 for a verb, less for a hint such as a plural noun. */
  intents: Map<Intent, number>
  /** The query is about the caller ("me", "my"). */
  firstPerson: boolean
  /** The query asks for something done with no word for reading ("point a record at a new IP"): it likely writes. */
  action: boolean
}

export interface ExpandOptions {
  /** Words to skip: the API's own name says nothing about which operation is meant. */
  ignore?: string[]
  /** The index's derived forms of a term (create-word-variants.ts). */
  variantsOf?: (term: string) => string[]
  tuning?: SearchTuning
}

/** Analyzes a free-text query into weighted terms, per-word term sets and intents. */
export function expandQuery(query: string, { ignore = [], variantsOf = () => [], tuning = DEFAULT_TUNING }: ExpandOptions = {}): ExpandedQuery {
  const weights = new Map<string, number>()
  const words: Set<string>[] = []
  const intents = new Map<Intent, number>()
  // "... so visitors get fresh files", "... but keep its permissions", "... during a sale": why or when the user asks,
  // not what they ask for. Those words weigh less, say nothing of what to do and need not be covered.
  // Quoted text, #channels and @handles are values the user supplies ("post 'deploy done' in #eng"), not what they ask.
  // So are ids, addresses and host names, of which only the kind counts ("ip", "domain").
  const values = query.match(VALUE) ?? []
  const literals = findLiteralValues(values.length ? query.replace(VALUE, ' ') : query)
  const bare = literals.rest
  const request = bare !== query && queryWords(bare).length > 0 ? bare : query
  const cut = request.search(PURPOSE)
  const parts: [string, number][] = [
    ...(cut > 0
      ? ([
          [request.slice(0, cut), 1],
          [request.slice(cut), tuning.purposeWeight],
        ] as [string, number][])
      : ([[request, 1]] as [string, number][])),
    ...(request === query ? [] : values.map((v): [string, number] => [v, tuning.valueWeight])),
    ...(request === query ? [] : literals.kinds.map((kind): [string, number] => [kind, tuning.valueKindWeight])),
  ]
  // A hint that is the request's only word ("post 'deploy done' to #eng") is what it asks for.
  const analyzed = parts.map(([part, factor]) => [queryWords(part), factor] as const)
  const content = (analyzed[0]?.[0] ?? []).some((w) => !ignore.includes(w) && !INTENT_BY_STEM.has(stemWord(w)) && !QUESTION_HINTS.has(w))
  for (const [partWords, factor] of analyzed)
    for (const word of partWords) {
      if (ignore.includes(word)) continue
      if (SOMEONE.has(word)) {
        for (const term of PEOPLE_TERMS) weights.set(term, Math.max(tuning.relatedWeight, weights.get(term) ?? 0))
        continue
      }
      const stem = stemWord(word)
      const intent = INTENT_BY_STEM.get(stem)
      if (intent && factor === 1) intents.set(intent, 1)
      // "which" and "info" say what to do, not what to find: no term. Other hints ("invite", "archive") are both.
      if (QUESTION_HINTS.has(word)) continue
      const term = termOf(word)
      const terms = new Set([term])
      // Read verbs ("show", "list") occur in most summaries: they weigh less, and the method decides instead. A hint
      // ("invite", "turn on") is also a word some paths use ("/invitations"), but mostly it only says what to do.
      const hint = intent && !CANONICAL.has(stem) && content
      const own = hint ? tuning.hintWeight : intent === 'get' || intent === 'list' ? tuning.readVerbWeight : 1
      weights.set(term, Math.max(own * factor, weights.get(term) ?? 0))
      const add = (other: string, weight: number) => {
        terms.add(other)
        weights.set(other, Math.max(weight * factor, weights.get(other) ?? 0))
      }
      // A verb's derived nouns ("creation", "creator") name other things; the method already says what a verb asks.
      if (!intent) for (const variant of variantsOf(term)) add(variant, tuning.variantWeight)
      for (const related of RELATED.get(term) ?? []) add(related, tuning.relatedWeight)
      // A plural noun suggests a list; weaker evidence than a verb.
      if (!intent && factor === 1 && word.length > 3 && /[^su]s$/.test(word) && stem !== word) intents.set('list', Math.max(tuning.pluralListWeight, intents.get('list') ?? 0))
      if (own === 1 && factor === 1 && !words.some((w) => w.has(term))) words.push(terms)
    }
  // "a comment", "an issue": one item is wanted, so a list is less likely (unless the query asks for one).
  if (!intents.has('list') && /\b(a|an|one|single|specific)\b/i.test(request)) intents.set('list', tuning.singularListWeight)
  // "who ..." asks for people, mostly more than one.
  if (/\bwho(m|se)?\b/i.test(request)) intents.set('list', Math.max(tuning.pluralListWeight, intents.get('list') ?? 0))
  const reads = [...intents].some(([i, w]) => w >= 1 && (i === 'get' || i === 'list'))
  const writes = [...intents].some(([i, w]) => w >= 1 && i !== 'get' && i !== 'list')
  return { weights, words, intents, firstPerson: FIRST_PERSON.test(request), action: !reads && !writes && !READ_QUESTION.test(request) }
}
