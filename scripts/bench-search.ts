// `npm run bench:search -- [--tasks FILE ...] [--generated DIR] [--no-vocabulary] [--rounds N] [--ablate]`: ranking quality, answer size
// and latency of `search` over labelled tasks, for this engine and two baselines measured in the same run. Each API is
// indexed on its own, as a server serving that one API would. Writes bench/results/search.md and prints it.
// `--ablate` adds what each part of the ranking is worth: the same tasks with that part switched off. `--no-vocabulary`
// generates the specs without openapi/vocabulary/, as an API nobody wrote a vocabulary for would be.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getEncoding } from 'js-tiktoken'
import { nameApi } from '../codegen/name-api.ts'
import type { Catalog } from '../src/create-catalog.ts'
import { answerSearch, engineFor } from '../src/search/answer-search.ts'
import { createSearchEngine, type SearchEngine, type SearchSource } from '../src/search/search-engine.ts'
import { DEFAULT_TUNING, type SearchTuning } from '../src/search/search-tuning.ts'
import { generate, SHARED_SPECS } from '../test/support/generate.ts'
import { createDefaultMiniSearch, createPreviousEngine } from './baseline-engines.ts'
import { generatedApis, loadCatalog } from './load-catalog.ts'
import { percentile } from './percentile.ts'
import { readTasks, type SearchTask, scoreRanking, timeCalls } from './score-search.ts'

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', multiple: true, default: ['bench/tasks/cloudflare.jsonl', 'bench/tasks/github.jsonl', 'bench/tasks/stripe.jsonl'] },
    generated: { type: 'string' },
    rounds: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/results/search.md' },
    misses: { type: 'boolean', default: false },
    ablate: { type: 'boolean', default: false },
    'no-vocabulary': { type: 'boolean', default: false },
  },
})
const tasks: SearchTask[] = (values.tasks as string[]).flatMap(readTasks)
const apis = [...new Set(tasks.map((t) => t.api))]
const generated = values.generated ?? generateMissing(apis)
const rounds = Number(values.rounds)
const enc = getEncoding('cl100k_base')
const fmt = (n: number, digits = 2) => n.toFixed(digits)
const rows: string[] = []
const misses: string[] = []

const catalogs = new Map(apis.map((api) => [api, loadCatalog(generated, [api])]))
for (const api of apis) {
  const catalog = catalogs.get(api) as Catalog
  const apiTasks = tasks.filter((t) => t.api === api)
  const sources: SearchSource[] = [{ api, docs: catalog.getSearchDocs(api) }]
  const t0 = performance.now()
  const engine = engineFor(catalog)
  const buildMs = performance.now() - t0
  const tokens = apiTasks.map((t) => enc.encode(answerSearch(catalog, { query: t.query, api }).text).length)
  const engines: [string, SearchEngine, number[] | undefined][] = [
    ['this engine', engine, tokens],
    ['MiniSearch defaults', createDefaultMiniSearch(sources), undefined],
    ['previous engine', createPreviousEngine(sources), undefined],
  ]
  for (const [label, e, toks] of engines) {
    const score = scoreRanking(catalog, e, apiTasks)
    const times = timeCalls(
      apiTasks.map((t) => () => e.search(t.query, { api, limit: 6, offset: 0 })),
      rounds,
    )
    const tokenCells = toks ? [String(percentile(toks, 50)), String(percentile(toks, 95))] : ['–', '–']
    const buildCell = label === 'this engine' ? fmt(buildMs, 0) : '–'
    rows.push(
      `| ${api} | ${label} | ${apiTasks.length} | ${fmt(score.recallAt1)} | ${fmt(score.recallAt5)} | ${fmt(score.mrr)} | ${tokenCells.join(' | ')} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${buildCell} |`,
    )
    if (label !== 'this engine') continue
    score.ranks.forEach((rank, i) => {
      if (rank !== 1) misses.push(`${api}\trank ${rank || '>10'}\t${apiTasks[i]?.query}`)
    })
  }
}

const ablations = values.ablate ? ablationTable() : ''
const table = [
  '| API | engine | tasks | recall@1 | recall@5 | MRR@10 | median tokens | p95 tokens | p50 ms | p95 ms | index build ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n')
const note = `Tasks: ${(values.tasks as string[]).join(', ')}${values['no-vocabulary'] ? ', specs generated without vocabulary' : ''}. Tokens: the whole \`search\` answer, js-tiktoken cl100k_base. Latency: one ranked search over that API's index, ${rounds} rounds after a warm-up, ${process.version}.`
const markdown = `${table}\n\n${note}\n${ablations}`
mkdirSync(join(values.out as string, '..'), { recursive: true })
writeFileSync(values.out as string, markdown)
console.log(markdown)
if (values.misses) console.log(`Not first (${misses.length}):\n${misses.join('\n')}`)

/** Each part of the ranking switched off in turn, scored over all tasks: what that part is worth. */
function ablationTable(): string {
  const flat = Object.fromEntries(Object.keys(DEFAULT_TUNING.boost).map((k) => [k, 1])) as SearchTuning['boost']
  const parts: [string, Partial<SearchTuning>][] = [
    ['this engine', {}],
    ['no intent (method vs verb)', { intentMatch: 0, intentMismatch: 1 }],
    ['reads weigh in full in a request naming none', { actionRead: 1 }],
    ['the method does not cover its verb', { methodCovers: 0 }],
    ['no coverage of query words', { coveragePower: 0 }],
    ['no related nouns', { relatedWeight: 0 }],
    ['no derived word forms', { variantWeight: 0 }],
    ['why/when clauses weigh in full', { purposeWeight: 1 }],
    ['description words count in full', { descriptionEvidence: 1 }],
    ['no path fit', { pathFit: 0 }],
    ['no summary fit', { summaryFit: 0 }],
    ['no "me" -> own endpoints', { selfMatch: 0 }],
    ['no identifier phrases', { phraseBoost: 0 }],
    ['no exact-summary match', { titleMatch: 0 }],
    ['no depth penalty', { depthPenalty: 0 }],
    ['no prefix or fuzzy', { prefixWeight: 0, fuzzyWeight: 0 }],
    ['equal field boosts', { boost: flat }],
  ]
  const rows = parts.map(([label, change]) => {
    const tuning = { ...DEFAULT_TUNING, ...change }
    let r1 = 0
    let r5 = 0
    let mrr = 0
    for (const api of apis) {
      const catalog = catalogs.get(api) as Catalog
      const apiTasks = tasks.filter((t) => t.api === api)
      const score = scoreRanking(catalog, createSearchEngine([{ api, docs: catalog.getSearchDocs(api) }], tuning), apiTasks)
      r1 += score.recallAt1 * apiTasks.length
      r5 += score.recallAt5 * apiTasks.length
      mrr += score.mrr * apiTasks.length
    }
    return `| ${label} | ${fmt(r1 / tasks.length)} | ${fmt(r5 / tasks.length)} | ${fmt(mrr / tasks.length)} |`
  })
  return `\nAblations over all ${tasks.length} tasks (${apis.join(', ')}):\n\n| ranking | recall@1 | recall@5 | MRR@10 |\n|---|---|---|---|\n${rows.join('\n')}\n`
}

/** Uses generated/ when it holds every API the tasks name (and vocabulary is wanted); otherwise runs codegen on the specs of
 * ../shared/openapi and its corpus/ whose namespace the tasks name (slack__web-api.json -> slackWebApi), into a temp dir. */
function generateMissing(names: string[]): string {
  const vocabulary = !values['no-vocabulary']
  if (vocabulary && existsSync('generated') && names.every((n) => generatedApis('generated').includes(n))) return 'generated'
  const files = [SHARED_SPECS, join(SHARED_SPECS, 'corpus')].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : []))
  const specs = names.map((n) => files.find((f) => /\.(json|ya?ml)$/.test(f) && nameApi(f) === n))
  const missing = names.filter((_, i) => !specs[i])
  if (missing.length) throw new Error(`No spec for ${missing.join(', ')} in ${SHARED_SPECS}; pass --generated DIR.`)
  console.error(`Generating ${names.join(', ')} from ${SHARED_SPECS}${vocabulary ? '' : ' without vocabulary'} …`)
  return generate(specs as string[], undefined, { vocabulary })
}
