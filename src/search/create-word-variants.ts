// Derived forms of a word that the stemmer leaves apart: "contributed" -> contribut, "contributors" -> contributor;
// "react" and "reaction"; "verify" and "verification" (verif). Two index terms are variants when one is the other plus
// a derivational suffix, so a query in one form finds the operation written in the other.
// Shorter stems and suffixes such as -al, -ic, -ment pair unrelated words (port/portal, sign/signal, state/statement).
const SUFFIXES = new Set(['or', 'ee', 'ion', 'ation', 'ication', 'ator', 'y', 'e', 'ing', 'ity', 'ive', 'ure', 'ance', 'ence', 'ist'])
const MIN_STEM_CHARS = 5
const MAX_SUFFIX_CHARS = 7

/** Returns a function from a term to the index's terms that are derived forms of it (not the term itself). */
export function createWordVariants(vocabulary: Iterable<string>): (term: string) => string[] {
  const byHead = new Map<string, string[]>()
  for (const term of vocabulary) {
    if (term.length < MIN_STEM_CHARS || /[0-9]/.test(term)) continue
    const head = term.slice(0, MIN_STEM_CHARS)
    byHead.set(head, [...(byHead.get(head) ?? []), term])
  }
  const known = new Set(vocabulary)
  const cache = new Map<string, string[]>()
  return (term) => {
    let found = cache.get(term)
    if (found === undefined) {
      found = term.length < MIN_STEM_CHARS ? [] : (byHead.get(term.slice(0, MIN_STEM_CHARS)) ?? []).filter((other) => isVariant(term, other))
      // "redeploy", "reinstall": doing it again is doing it, when the index has no word for the repeat.
      const again = term.slice(2)
      if (term.startsWith('re') && again.length >= 4 && !known.has(term) && known.has(again)) found = [...found, again]
      cache.set(term, found)
    }
    return found
  }
}

function isVariant(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short === long || !long.startsWith(short) || long.length - short.length > MAX_SUFFIX_CHARS) return false
  return SUFFIXES.has(long.slice(short.length))
}
