// Literal values in a query: ids, e-mail addresses, IP addresses and host names the user supplies ("point
// blog.example.com at 203.0.113.10", "refund ch_3Mml…"). Their letters are no words an operation is found by:
// read as words, an id's fragments and a domain's "example" and "com" outweigh what the user asks for, and a dotted
// address reads as a version number. What kind of value each is does say something ("ip", "email", "domain").
import { FILE_EXTENSIONS } from './analyze-text.ts'

/** Each kind of value, and the word that names it (none for ids: "ch_3Mml…" says nothing but "an id"). */
const KINDS: [RegExp, string | undefined][] = [
  // A web address; but one with a path template ("https://api.example.com/zones/{zone_id}") names an operation.
  [/(?<!\S)https?:\/\/[^\s{}]+(?!\S)/gi, 'url'],
  [/(?<![\w@.+-])[\w.+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+/gi, 'email'],
  [/(?<![\w.:])\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?(?![\w.])/g, 'ip'],
  [/(?<![\w:])(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){3})[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(\/\d{1,3})?(?![\w:])/gi, 'ip'],
  // A host name; not a file name ("package.json"), which analyze-text reads as "file", nor a URL, read as "url".
  [new RegExp(`(?<![\\w@./-])([a-z0-9-]+\\.)+(?!(${FILE_EXTENSIONS})\\b)[a-z]{2,}(?![\\w/.-])`, 'gi'), 'domain'],
  [/(?<![\w-])[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(?![\w-])/gi, undefined],
  // Prefixed ids ("cus_9s6XKz", "sub_1Pq9aB"), hex ids ("7f2c1a"), and long ids with letters between digits
  // ("U024BE7LH"; not "sha256sum" or "base64url", which are words).
  [/(?<![\w-])[a-z]{1,8}_(?=[a-z0-9]*\d)[a-z0-9]{6,}(?![\w-])/gi, undefined],
  [/(?<![\w-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,}(?![\w-])/gi, undefined],
  [/(?<![\w-])(?=[a-z0-9]*\d[a-z]+\d)[a-z0-9]{8,}(?![\w-])/gi, undefined],
]

export interface LiteralValues {
  /** The query with every literal value taken out. */
  rest: string
  /** The words naming the kinds of values found ("ip", "domain"), once each. */
  kinds: string[]
}

export function findLiteralValues(query: string): LiteralValues {
  let rest = query
  const kinds = new Set<string>()
  for (const [pattern, kind] of KINDS)
    rest = rest.replace(pattern, () => {
      if (kind) kinds.add(kind)
      return ' '
    })
  return { rest, kinds: [...kinds] }
}
