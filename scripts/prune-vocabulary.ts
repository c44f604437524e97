// `npm run vocabulary:prune -- --vocabulary openapi/vocabulary/<spec>.txt --tasks FILE … [--generated DIR] [--keep FILE]`:
// the entries of an operator's vocabulary file that labelled tasks argue against. Each entry in turn is taken out and
// the search index rebuilt from the generated search documents; an entry whose removal raises recall@1 + recall@5 +
// MRR over the tasks is dropped (greedy, two passes) and reported. Entries identical in `--keep` (the file before an
// edit) are never dropped. Nothing is written: check the drops on tasks the run did not see before deleting them, since
// a file pruned to fit its tasks can lose elsewhere (this repository's Stripe file did, on bench/tasks/hold4-stripe).
import { parseArgs } from 'node:util'
import { readVocabulary, type Vocabulary, type VocabularyEntry, vocabularyWords } from '../codegen/read-vocabulary.ts'
import { createSearchEngine } from '../src/search/search-engine.ts'
import { generatedApis, loadCatalog } from './load-catalog.ts'
import { readTasks, scoreRanking } from './score-search.ts'

const { values } = parseArgs({
  options: {
    vocabulary: { type: 'string' },
    tasks: { type: 'string', multiple: true, default: [] },
    generated: { type: 'string', default: 'generated' },
    keep: { type: 'string' },
    api: { type: 'string' },
  },
})
const vocabulary = values.vocabulary ? readVocabulary(values.vocabulary) : undefined
if (!vocabulary || !values.tasks?.length) {
  console.error('Usage: npm run vocabulary:prune -- --vocabulary openapi/vocabulary/<spec>.txt --tasks FILE … [--generated DIR] [--keep FILE] [--api NAME]')
  process.exit(2)
}
const tasks = values.tasks.flatMap(readTasks)
const api = values.api ?? tasks[0]?.api ?? ''
const apis = generatedApis(values.generated)
if (!apis.includes(api)) {
  console.error(`No API "${api}" under ${values.generated} (it has ${apis.join(', ') || 'none'}). Run codegen for its spec, or pass --api.`)
  process.exit(2)
}
const catalog = loadCatalog(values.generated, [api])
const docs = catalog.getSearchDocs(api)
const ownTasks = tasks.filter((t) => t.api === api)
const key = (e: VocabularyEntry) => `${e.method ? `${e.method} ` : ''}${e.path}`
const kept = new Map((values.keep ? (readVocabulary(values.keep)?.entries ?? []) : []).map((e) => [key(e), e.words]))

/** The tasks' score with only `entries` of the file giving words. */
function score(entries: VocabularyEntry[]): number {
  const subset: Vocabulary = { ...vocabulary!, entries }
  const withWords = docs.map((d) => ({ ...d, vocabulary: vocabularyWords(subset, d.method, d.path) || undefined }))
  const s = scoreRanking(catalog, createSearchEngine([{ api, docs: withWords }]), ownTasks)
  return s.recallAt1 + s.recallAt5 + s.mrr
}

let entries = [...vocabulary.entries]
let best = score(entries)
console.log(`${api}: ${ownTasks.length} tasks, ${entries.length} entries; recall@1 + recall@5 + MRR ${best.toFixed(3)}`)
for (let pass = 0; pass < 2; pass++)
  for (const entry of [...entries]) {
    if (kept.get(key(entry)) === entry.words) continue
    const without = entries.filter((e) => e !== entry)
    const s = score(without)
    if (s <= best + 1e-9) continue
    console.log(`drop line ${entry.line} (${key(entry)}): ${best.toFixed(3)} -> ${s.toFixed(3)}`)
    best = s
    entries = without
  }
console.log(`${vocabulary.entries.length - entries.length} entries to drop; ${best.toFixed(3)} without them`)
