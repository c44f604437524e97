// One search document per operation, as the engine indexes it: the text fields MiniSearch scores, and the facts
// re-ranking uses (what the method does, the path's words, the summary's gist, depth, deprecation).
import type { SearchDoc } from '../artifacts.ts'
import { analyzeText, firstSentence, pathWords, resourceWords, splitWords, termOf } from './analyze-text.ts'
import { createCompoundSplitter } from './create-compound-splitter.ts'
import type { Intent } from './expand-query.ts'
import { stemWord } from './stem-word.ts'
import { INTENT_BY_STEM } from './synonyms.ts'

export interface IndexedDoc {
  id: number
  api: string
  name: string
  words: string
  path: string
  resource: string
  summary: string
  description: string
  tags: string
  params: string
  specWords: string
  vocabulary: string
  intents: [Intent, number][]
  /** Stemmed literal path words after the first parameter: what the operation is about, below its scope. */
  tail: string[]
  /** Stemmed summary words other than the five verbs the method already says. */
  gist: string[]
  /** The summary's stemmed words, sorted and unique: a query with exactly these words names this operation. */
  title: string
  /** Stemmed literal path words before the first parameter: the scope ("accounts", "customers"). */
  scope: string[]
  /** Path segments, literal or parameter: deeper operations are more specialised. */
  depth: number
  deprecated: boolean
  /** The operation acts on the caller's own user ("/user/...", "the authenticated user"): what "me" asks for. */
  self: boolean
}

const VERB_TERMS = new Set(['list', 'get', 'create', 'update', 'delete'].map(termOf))

/** Turns an API's search documents into indexed documents (ids are assigned by the caller). */
export function indexOperations(api: string, docs: SearchDoc[]): IndexedDoc[] {
  const collections = new Set(docs.filter((d) => d.method === 'GET').map((d) => d.path))
  const splitCompounds = createCompoundSplitter(docs.flatMap((d) => [d.summary, d.description]))
  return docs.map((d) => indexOperation(api, d, splitCompounds(d.path), collections.has(d.path)))
}

function indexOperation(api: string, d: SearchDoc, path: string, isCollection: boolean): IndexedDoc {
  return {
    id: 0,
    api,
    name: d.name,
    words: splitWords(d.name).join(' '),
    path: pathWords(path),
    resource: resourceWords(path),
    summary: d.summary || firstSentence(d.description),
    description: d.description,
    tags: d.tags.join(' '),
    params: d.params.join(' '),
    specWords: d.specWords ?? '',
    vocabulary: d.vocabulary ?? '',
    intents: intentsOf(d.method, d.path, isCollection),
    ...pathParts(path),
    gist: [...new Set(analyzeText(d.summary))].filter((t) => !VERB_TERMS.has(t)),
    title: titleKey(d.summary),
    depth: d.path.split('/').filter(Boolean).length,
    deprecated: d.deprecated,
    self: /^\/(user|me)(\/|$)|^\/users\/me\//.test(d.path) || /\b(authenticated|current|logged[- ]in) user\b/i.test(d.summary),
  }
}

/** What an operation does, judged from its method and path: POST to a collection creates, POST to an item updates. */
function intentsOf(method: string, path: string, isCollection: boolean): [Intent, number][] {
  const item = path.endsWith('}')
  switch (method) {
    case 'GET':
      // A search finds one item as often as many.
      if (path.endsWith('/search'))
        return [
          ['list', 1],
          ['get', 1],
        ]
      return item
        ? [['get', 1]]
        : [
            ['list', 1],
            ['get', 0.5],
          ]
    case 'POST':
      return isCollection ? [['create', 1]] : item ? [['update', 1]] : actionIntent(path)
    case 'PUT':
      return [
        ['update', 1],
        ['create', 0.5],
      ]
    case 'PATCH':
      return [['update', 1]]
    case 'DELETE':
      return [['delete', 1]]
    default:
      return []
  }
}

/** A POST to an action ("/teams/{id}/addUser", "/chat.postMessage", "/conversations.kick") does what its verb says. */
function actionIntent(path: string): [Intent, number][] {
  const last =
    path
      .split('/')
      .filter((seg) => seg && !seg.startsWith('{'))
      .pop() ?? ''
  const intent = splitWords(last)
    .map((w) => INTENT_BY_STEM.get(stemWord(w)))
    .find((i) => i !== undefined)
  return intent ? [[intent, 0.5]] : []
}

function pathParts(path: string): { scope: string[]; tail: string[] } {
  const segments = path.split('/').filter((seg) => seg && !/^v[0-9]+$/.test(seg))
  const firstParam = segments.findIndex((seg) => seg.startsWith('{'))
  const literal = (segs: string[]) => analyzeText(segs.filter((seg) => !seg.startsWith('{')).join(' '))
  return firstParam < 0 ? { scope: [], tail: literal(segments) } : { scope: literal(segments.slice(0, firstParam)), tail: literal(segments.slice(firstParam + 1)) }
}

/** The sorted, unique stemmed words of a text: equal for a query and the summary it repeats. */
export function titleKey(text: string): string {
  return [...new Set(analyzeText(text))].sort().join(' ')
}
