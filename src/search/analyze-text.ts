// Text analysis shared by indexing and querying: split identifiers and paths into words, drop stop words, stem.
// Both sides must go through the same function, or a stemmed query term will never meet its document term.
import { stemWord } from './stem-word.ts'
import { CANONICAL } from './synonyms.ts'

/** Words that carry no meaning in a request for an operation ("how do I see which ..."). */
const STOP_WORDS = new Set(
  (
    "a about against am an and are as at be by can could do does for from has have how i i'd i'm in into is it its me my of off on or our out " +
    'please should so something than that the their them then there these this those to us using via want was we what when ' +
    'where who whose will with would you your endpoint operation call way able need give let im just also really actually already now right away like try trying going some any still ever'
  ).split(' '),
)

/** What a file name ends with ("package.json"), as a regular expression's alternatives: a file, not a host name. */
export const FILE_EXTENSIONS = 'json|ya?ml|md|txt|m?js|jsx|tsx?|py|go|rb|rs|java|kt|php|sh|sql|html?|css|toml|ini|env|lock|log|xml|csv|pdf|png|jpe?g|gif|svg|webp|zip|t?gz|tar|wasm'

// Multi-word phrases that mean one thing, rewritten before splitting.
const PHRASES: [RegExp, string][] = [
  [/\bset\s+up\b/g, 'setup'],
  [/\broll\s+back\b/g, 'rollback'],
  [/\b(logged|signed)\s+in\b/g, 'authenticated'],
  [/\bsign\s+in\b/g, 'login'],
  [/\bwho\s+am\s+i\b|\bwhoami\b/g, 'get authenticated user'],
  [/\bpull\s+requests?\b|\bprs?\b/g, 'pull request'],
  // What the user does not want ("without cloning it", "without charging") must not find operations that do it.
  [/\b(without|w\/o)\s+(any\s+|a\s+|an\s+|the\s+)?\S+/g, ' '],
  // Phrasal verbs say in two words what an API says in one.
  [/\bget\s+rid\s+of\b|\bclean\s+up\b|\btake\s+down\b|\bthrow\s+away\b/g, 'delete'],
  [/\b(kick|fire)\s+off\b/g, 'trigger'],
  [/\b(spin|stand)\s+up\b/g, 'create'],
  [/\btear\s+down\b/g, 'delete'],
  [/\b(turn|switch)\s+on\b/g, 'enable'],
  [/\b(turn|switch)\s+off\b/g, 'disable'],
  [/\blog\s+(in|into)\b/g, 'login'],
  [/\bsign\s+up\b/g, 'register'],
  [/\blook\s+up\b/g, 'lookup'],
  [/\b(pull|bring)\s+up\b/g, 'show'],
  [/\b(money|pay)\s+back\b|\b(send|give|pay)\s+(\S+\s+){0,3}back\b/g, 'refund'],
  [/\bwrite\s+(\S+\s+)?off\b/g, 'uncollectible'],
  [/\bcut\s+off\b/g, 'revoke'],
  [/\bhand\s+over\b/g, 'transfer'],
  [/\bclaw\s+back\b/g, 'reverse'],
  [/\bthumbs?[\s-]+(up|down)\b/g, 'add reaction'],
  [/\bout\s+of\s+(the\s+)?office\b/g, 'ooo'],
  [/\bdo\s+not\s+disturb\b/g, 'dnd'],
  [/\bon[\s-]call\b/g, 'oncall'],
  [/\bstop\s+following\b/g, 'unfollow'],
  // A version number ("v2.0.0") names a version, not the words "v2" and "0".
  [/(^|\s)v?[0-9]+\.[0-9]+(\.[0-9]+)*(?=\s|$)/g, '$1version'],
  [/\bon\s+file\b/g, 'saved'],
  [/\bgive(?=\s+(\S+\s+){0,3}(access|permissions?|roles?)\b)/g, 'grant'],
  [/\bchange\s+(the\s+)?(\S+\s+)?name\b/g, 'rename $2'],
  [/\bup\s+or\s+down\b/g, 'health'],
  [/\brun\s+(\S+\s+){0,2}again\b|\bre-run\b/g, 'rerun'],
  // A file name ("package.json") is a value, not an operation's words. A URL ("example.com/api/*") also says "url"
  // but keeps its words: an agent may paste an API path ("/zones/{zone_id}/dns_records") as its query.
  [new RegExp(`(^|\\s)[\\w-]+\\.(${FILE_EXTENSIONS})\\b`, 'g'), '$1 file'],
  [/(^|\s)(\S+\.[a-z]{2,}\/\S*|\/\S*\*)/g, '$& url'],
]

/** Splits identifiers and paths into lower-case words: "zonesGet" -> zones get; "{zone_id}" -> zone id; "re-run" -> rerun. */
export function splitWords(text: string): string[] {
  return text
    .replace(/\b(re|un|pre|e)-(?=[a-z])/gi, '$1')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 || /[0-9]/.test(w))
}

/** Rewrites multi-word phrases ("set up" -> "setup") in lower-case text. */
export function normalizePhrases(text: string): string {
  let out = text.toLowerCase()
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement)
  return out
}

/** The term a word is indexed and queried as: its stem, or the stem that stands for its synonyms. */
export function termOf(word: string): string {
  const stem = stemWord(word)
  return CANONICAL.get(stem) ?? stem
}

/** The index terms of a text: split, stop words dropped, stemmed, synonyms folded. */
export function analyzeText(text: string): string[] {
  const terms: string[] = []
  for (const word of splitWords(text)) {
    if (!STOP_WORDS.has(word)) terms.push(termOf(word))
  }
  return terms
}

/** The words of a query, in order, with phrases rewritten and stop words and bare quantities ("10", "200px") dropped (not yet stemmed). */
export function queryWords(query: string): string[] {
  return splitWords(normalizePhrases(query).replace(/'s\b/g, '')).filter((w) => !STOP_WORDS.has(w) && !/^[0-9]+(px|ms|s|m|h|d|k|kb|mb|gb|tb)?$/.test(w))
}

/** Path words an agent would use: literal segments, and parameters without their id suffix ("{zone_id}" -> zone). */
export function pathWords(path: string): string {
  return path
    .split('/')
    .map((seg) => {
      const param = /^\{(.+)\}$/.exec(seg)?.[1]
      return param ? param.replace(/(_?id|_?identifier|_?name)$/i, '') : seg
    })
    .join(' ')
}

/** The last literal segments of a path: the resource an operation acts on ("/zones/{zone_id}/dns_records" -> dns records). */
export function resourceWords(path: string): string {
  const literal = path.split('/').filter((seg) => seg && !seg.startsWith('{'))
  return literal.slice(-1).join(' ')
}

/** The first sentence of a description, without HTML tags: a summary for specs that have none. */
export function firstSentence(text: string): string {
  const plain = text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return /^(.*?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain.slice(0, 160)
}
