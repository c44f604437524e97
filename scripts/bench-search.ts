// `npm run bench:search -- [--tasks FILE ...] [--generated DIR] [--rounds N]`: ranking quality, answer size and
// latency of `search` over labelled tasks, for this engine and two baselines measured in the same run. Each API is
// indexed on its own, as a server serving that one API would. Writes bench/results/search.md and prints it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getEncoding } from 'js-tiktoken'
import { answerSearch, engineFor } from '../src/search/answer-search.ts'
import type { SearchEngine, SearchSource } from '../src/search/search-engine.ts'
import { generate, SHARED_SPECS } from '../test/support/generate.ts'
import { createDefaultMiniSearch, createPreviousEngine } from './baseline-engines.ts'
import { generatedApis, loadCatalog } from './load-catalog.ts'
import { percentile, type SearchTask, scoreRanking, timeCalls } from './score-search.ts'

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', multiple: true, default: ['bench/tasks/cloudflare.jsonl', 'bench/tasks/github.jsonl', 'bench/tasks/stripe.jsonl'] },
    generated: { type: 'string' },
    rounds: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/results/search.md' },
    misses: { type: 'boolean', default: false },
  },
})
const tasks: SearchTask[] = (values.tasks as string[]).flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SearchTask),
)
const apis = [...new Set(tasks.map((t) => t.api))]
const generated = values.generated ?? generateMissing(apis)
const rounds = Number(values.rounds)
const enc = getEncoding('cl100k_base')
const fmt = (n: number, digits = 2) => n.toFixed(digits)
const rows: string[] = []
const misses: string[] = []

for (const api of apis) {
  const catalog = loadCatalog(generated, [api])
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

const table = [
  '| API | engine | tasks | recall@1 | recall@5 | MRR@10 | median tokens | p95 tokens | p50 ms | p95 ms | index build ms |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n')
const note = `Tasks: ${(values.tasks as string[]).join(', ')}. Tokens: the whole \`search\` answer, js-tiktoken cl100k_base. Latency: one ranked search over that API's index, ${rounds} rounds after a warm-up, ${process.version}.`
const markdown = `${table}\n\n${note}\n`
mkdirSync(join(values.out as string, '..'), { recursive: true })
writeFileSync(values.out as string, markdown)
console.log(markdown)
if (values.misses) console.log(`Not first (${misses.length}):\n${misses.join('\n')}`)

/** Uses generated/ when it holds every API the tasks name; otherwise runs codegen on ../shared/openapi into a temp dir. */
function generateMissing(names: string[]): string {
  if (existsSync('generated') && names.every((n) => generatedApis('generated').includes(n))) return 'generated'
  const specs = names.map((n) => ['json', 'yaml', 'yml'].map((ext) => join(SHARED_SPECS, `${n}.${ext}`)).find(existsSync))
  const missing = names.filter((_, i) => !specs[i])
  if (missing.length) throw new Error(`No spec for ${missing.join(', ')} in ${SHARED_SPECS}; pass --generated DIR.`)
  console.error(`Generating ${names.join(', ')} from ${SHARED_SPECS} …`)
  return generate(specs as string[])
}
