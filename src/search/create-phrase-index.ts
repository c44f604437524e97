// Identifiers a spec spells as one token but a person says as words: enum values and property names such as
// "always_use_https" or "minTlsVersion". A query that says all of an identifier's words, in order, names a value the
// operation accepts; plain term matching only sees three common words.
import { analyzeText } from './analyze-text.ts'

const MAX_PHRASE_WORDS = 4
/** An identifier on more operations than this share of them ("payment_method") names no one operation. */
const MAX_SHARE = 0.01

export interface PhraseIndex {
  /** Document id -> how many query words it matched as one identifier (its longest). */
  find(query: string): Map<number, number>
}

/** Phrase -> the documents whose schema words spell it as one identifier: the index's serializable form. */
export type Phrases = [phrase: string, ids: number[]][]

/** Collects the multi-word identifiers of each document's schema words. */
export function collectPhrases(docs: { id: number; specWords: string }[]): Phrases {
  const byPhrase = new Map<string, Set<number>>()
  for (const doc of docs) {
    for (const token of doc.specWords.split(' ')) {
      if (!/[_-]|[a-z][A-Z]/.test(token)) continue
      const terms = analyzeText(token)
      if (terms.length < 2 || terms.length > MAX_PHRASE_WORDS) continue
      const key = terms.join(' ')
      const ids = byPhrase.get(key) ?? new Set<number>()
      ids.add(doc.id)
      byPhrase.set(key, ids)
    }
  }
  const maxDocs = Math.max(3, MAX_SHARE * docs.length)
  return [...byPhrase].filter(([, ids]) => ids.size <= maxDocs).map(([key, ids]) => [key, [...ids]])
}

export function createPhraseIndex(phrases: Phrases): PhraseIndex {
  const byPhrase = new Map(phrases)
  return {
    find(query) {
      const found = new Map<number, number>()
      const terms = analyzeText(query)
      for (let n = Math.min(MAX_PHRASE_WORDS, terms.length); n >= 2; n--) {
        for (let i = 0; i + n <= terms.length; i++) {
          for (const id of byPhrase.get(terms.slice(i, i + n).join(' ')) ?? []) found.set(id, Math.max(n, found.get(id) ?? 0))
        }
      }
      return found
    },
  }
}
