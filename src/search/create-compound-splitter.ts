// Closed compounds in paths ("logpush", "pagerules", "healthchecks") split into the words an API's own prose uses
// ("page rules", "health checks"), so a query in plain words finds them. A compound splits only where the API's own
// summaries and descriptions write its two halves as adjacent words, so "profile" never becomes "pro file".
import { splitWords } from './analyze-text.ts'
import { stemWord } from './stem-word.ts'

const MIN_PART_CHARS = 3

/** Returns a function that appends each compound word's parts after it ("logpush jobs" -> "logpush log push jobs"). */
export function createCompoundSplitter(prose: string[]): (text: string) => string {
  const pairs = new Set<string>()
  for (const text of prose) {
    const words = splitWords(text).map(stemWord)
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`)
  }
  const parts = new Map<string, string[]>()
  const split = (word: string): string[] => {
    let found = parts.get(word)
    if (found === undefined) {
      found = []
      for (let i = MIN_PART_CHARS; i <= word.length - MIN_PART_CHARS && found.length === 0; i++) {
        const head = word.slice(0, i)
        const rest = word.slice(i)
        if (pairs.has(`${stemWord(head)} ${stemWord(rest)}`)) found = [head, rest]
      }
      parts.set(word, found)
    }
    return found
  }
  return (text) =>
    text
      .split(/([^A-Za-z0-9]+)/)
      .map((chunk) => {
        // Only lower-case runs: camelCase and snake_case already split on their own.
        if (!/^[a-z]{6,}$/.test(chunk)) return chunk
        const found = split(chunk)
        return found.length ? `${chunk} ${found.join(' ')}` : chunk
      })
      .join('')
}
