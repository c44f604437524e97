// Stemming for search: the Porter stemmer (the `stemmer` package), with a few corrections for API vocabulary.
// Indexing and querying must both stem through here, or a stemmed query term never meets its document term.
import { stemmer } from 'stemmer'

// Porter over-stems a few words ("added" -> "ad", "customer" -> "custom"), and "settings" must not become the verb "set".
// A Map, not an object literal: a query word such as "constructor" must not find Object.prototype's.
const EXCEPTIONS = new Map(
  Object.entries({
    added: 'add',
    customer: 'customer',
    customers: 'customer',
    adding: 'add',
    adds: 'add',
    news: 'news',
    setting: 'setting',
    settings: 'setting',
    stats: 'stats',
  }),
)

// Indexing stems every word of every description; the vocabulary is far smaller than the text.
const stems = new Map<string, string>()

/** Porter stem of one lower-case word, with a trailing "i" restored to "y" ("deploy" and "deployment" -> deploy). */
export function stemWord(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    stem = EXCEPTIONS.get(word) ?? (word.length <= 3 || /[0-9]/.test(word) ? word : stemmer(word))
    if (stem.endsWith('i') && stem.length > 3) stem = `${stem.slice(0, -1)}y`
    stems.set(word, stem)
  }
  return stem
}
