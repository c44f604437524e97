// `npm run bench:tokens`: what an agent pays in tokens, side by side in one run, for every spec in
// ../shared/openapi, the three big APIs served together, and a synthetic API of 10,000 operations. Writes
// bench/results/tokens.md and tokens.svg and prints the cl100k table. See describe-procedure.ts for the method.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, SHARED_SPECS } from '../test/support/generate.ts'
import { readTasks } from './score-search.ts'
import { synthSpec } from './synth-spec.ts'
import { benchMultiStep, renderMultiStep } from './tokens/bench-multi-step.ts'
import { type BenchRow, taskSummary } from './tokens/bench-row.ts'
import { countJsonTokens } from './tokens/count-tokens.ts'
import { describeProcedure } from './tokens/describe-procedure.ts'
import { measureSpecs, type NamedSpec, readSpec } from './tokens/measure-spec.ts'
import { renderChart } from './tokens/render-chart.ts'
import { renderResults, renderTable, renderTaskRuns, renderTaskSets } from './tokens/render-results.ts'
import { runTask, type SearchTask } from './tokens/run-task.ts'
import { serveApis } from './tokens/serve-apis.ts'
import { type BenchUpstream, startUpstream } from './tokens/start-upstream.ts'
import { withoutApiNames } from './tokens/without-api-names.ts'

const SPECS = SHARED_SPECS
const OUT = join(ROOT, 'bench/results')
const SINGLE = [
  { api: 'petstore', file: 'petstore.yaml' },
  { api: 'stripe', file: 'stripe.yaml' },
  { api: 'github', file: 'github.yaml' },
  { api: 'cloudflare', file: 'cloudflare.json' },
]
const COMBINED = ['cloudflare', 'github', 'stripe']
const SYNTH_OPERATIONS = 10_000

// What is measured: the commit, and whether the Worker and codegen sources differ from it as the run starts.
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()
const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'sandbox', 'codegen'], { cwd: ROOT }).toString().trim()
const uncommitted = dirty ? dirty.split('\n').length : 0
const log = (line: string) => console.error(`[bench:tokens] ${line}`)

// The multi-step task (session store or not) is also measured alone: `npm run bench:tokens -- --multi-step`.
const multiStep = async () => {
  const text = `# Multi-step token benchmark (${new Date().toISOString().slice(0, 10)}, commit ${commit}${uncommitted ? `, ${uncommitted} uncommitted` : ''})\n\n${renderMultiStep(await benchMultiStep(log))}\n`
  mkdirSync(OUT, { recursive: true })
  writeFileSync(join(OUT, 'tokens-multi-step.md'), text)
  console.log(`${text}\nWritten: bench/results/tokens-multi-step.md`)
}
if (process.argv.includes('--multi-step')) {
  await multiStep()
  process.exit(0)
}
const notes: string[] = []

const specs = new Map<string, NamedSpec & { file: string }>()
for (const { api, file } of SINGLE) specs.set(api, { ...(await readSpec(api, join(SPECS, file))), file: join(SPECS, file) })
const tasks = new Map<string, SearchTask[]>()
// Each API's tasks: bench/tasks/<api>.jsonl and heldout-<api>.jsonl (search was tuned on both) and blind-<api>.jsonl
// (never opened or tuned on).
for (const api of specs.keys()) {
  const sets = [
    { set: 'tuning' as const, file: join(ROOT, 'bench/tasks', `${api}.jsonl`) },
    { set: 'tuning' as const, file: join(ROOT, 'bench/tasks', `heldout-${api}.jsonl`) },
    { set: 'blind' as const, file: join(ROOT, 'bench/tasks', `blind-${api}.jsonl`) },
  ].filter(({ file }) => existsSync(file))
  const lines = sets.flatMap(({ set, file }) => readTasks(file).map((task) => ({ ...task, set })))
  if (lines.length) tasks.set(api, lines)
}

const upstreams = new Map<string, BenchUpstream>()
for (const api of tasks.keys()) {
  log(`starting Prism for ${api}`)
  try {
    const upstream = await startUpstream(specs.get(api)!.doc)
    upstreams.set(api, upstream)
    if (upstream.note) notes.push(`**${api} upstream.** ${upstream.note}.`)
  } catch (err) {
    notes.push(
      `**${api}: no upstream.** Prism could not serve the spec (${(err as Error).message.split('\n')[0]}); its tasks' \`execute\` answers are the server's "upstream unreachable" errors, so their reading cost is understated.`,
    )
    log(`Prism failed for ${api}: ${(err as Error).message.split('\n')[0]}`)
  }
}
const baseUrls = (apis: string[]) => Object.fromEntries(apis.map((api) => [api, upstreams.get(api)?.url ?? 'http://127.0.0.1:9']))

/** Measures one row: the baselines from the specs, this server's list and the tasks from the running Worker. */
async function measureRow(label: string, rowSpecs: (NamedSpec & { file: string })[], rowTasks: SearchTask[]): Promise<BenchRow & { toolList: unknown }> {
  log(`${label}: baselines`)
  const measured = await measureSpecs(rowSpecs)
  log(`${label}: codegen and Worker`)
  const names = rowSpecs.map((s) => s.api)
  const served = await serveApis(
    rowSpecs.map((s) => s.file),
    names,
    { baseUrls: baseUrls(names) },
  )
  try {
    const runs = []
    for (const task of rowTasks) runs.push(await runTask(served.client, task, served.apis))
    if (runs.length) log(`${label}: ${taskSummary(runs).found}/${runs.length} tasks found`)
    return { label, ...measured, server: countJsonTokens(served.toolList), tasks: rowTasks.length ? runs : undefined, toolList: served.toolList }
  } finally {
    await served.stop()
  }
}

const rows: (BenchRow & { toolList: unknown })[] = []
try {
  for (const api of specs.keys()) rows.push(await measureRow(api, [specs.get(api)!], tasks.get(api) ?? []))
  rows.push(
    await measureRow(
      COMBINED.join(' + '),
      COMBINED.map((api) => specs.get(api)!),
      COMBINED.flatMap((api) => tasks.get(api) ?? []),
    ),
  )
  const synthFile = join(mkdtempSync(join(tmpdir(), 'bench-synth-')), 'synthetic.json')
  const synth = synthSpec(SYNTH_OPERATIONS)
  writeFileSync(synthFile, JSON.stringify(synth))
  rows.push(await measureRow(`synthetic (${SYNTH_OPERATIONS.toLocaleString('en-US')} ops)`, [{ api: 'synthetic', doc: synth, file: synthFile }], []))
} finally {
  for (const upstream of upstreams.values()) await upstream.stop()
}

const small = rows.find((r) => r.label === 'petstore')!
const large = rows.at(-1)!
const same = withoutApiNames(small.toolList, ['petstore']) === withoutApiNames(large.toolList, ['synthetic'])
const constantCheck = [
  `\`tools/list\` for petstore (${small.operations} operations): ${small.server.cl100k} cl100k tokens; for the synthetic API`,
  `(${large.operations.toLocaleString('en-US')} operations): ${large.server.cl100k}. With each API name replaced by \`<api>\`, the two`,
  `lists are ${same ? '**identical**' : '**different**'}. The largest \`tools/list\` measured is ${Math.max(...rows.map((r) => r.server.cl100k))} cl100k tokens (target: at most 600).`,
].join('\n')
const tables = { cl100k: renderTable(rows, 'cl100k'), o200k: renderTable(rows, 'o200k') }
mkdirSync(OUT, { recursive: true })
writeFileSync(join(OUT, 'tokens.svg'), renderChart(rows))
writeFileSync(
  join(OUT, 'tokens.md'),
  renderResults({
    date: new Date().toISOString().slice(0, 10),
    commit,
    uncommitted,
    tables,
    taskSets: renderTaskSets(rows),
    constantCheck,
    procedure: describeProcedure(notes),
    taskRuns: renderTaskRuns(rows),
  }),
)
console.log(`${tables.cl100k}\n\n${constantCheck}\n\nWritten: bench/results/tokens.md, bench/results/tokens.svg`)
await multiStep()
