// The benchmark as markdown: one table per tokenizer, then each task as the mechanical agent played it.
import { type BenchRow, type Tokenizer, taskSummary, tokenPercentile } from './bench-row.ts'

const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('en-US'))

/** The headline table for one tokenizer. */
export function renderTable(rows: BenchRow[], tokenizer: Tokenizer): string {
  const lines = [
    '| API | operations | flat tool list | flat, required params only | codemode `openApiMcpServer` | this server `tools/list` | per task, median | per task, p95 | tasks found | calls accepted |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ]
  for (const r of rows) {
    const t = r.tasks && taskSummary(r.tasks)
    const cells = [r.label, n(r.operations), n(r.flat[tokenizer]), n(r.flatRequired[tokenizer]), n(r.peer[tokenizer]), `**${n(r.server[tokenizer])}**`]
    cells.push(r.tasks?.length ? n(tokenPercentile(r.tasks, 50, tokenizer)) : '—', r.tasks?.length ? n(tokenPercentile(r.tasks, 95, tokenizer)) : '—')
    cells.push(t ? `${t.found}/${t.total}` : '—', t ? `${t.executed}/${t.total}` : '—')
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

/** Reading cost per task set: the tasks search was tuned on, and the blind ones. */
export function renderTaskSets(rows: BenchRow[]): string {
  const lines = ['| API | task set | tasks | found | call accepted | median cl100k | p95 cl100k | median o200k | p95 o200k |', '|---|---|--:|--:|--:|--:|--:|--:|--:|']
  for (const row of rows) {
    for (const set of ['tuning', 'blind'] as const) {
      const runs = (row.tasks ?? []).filter((r) => (r.task.set ?? 'tuning') === set)
      if (!runs.length) continue
      const t = taskSummary(runs)
      const stats = [tokenPercentile(runs, 50, 'cl100k'), tokenPercentile(runs, 95, 'cl100k'), tokenPercentile(runs, 50, 'o200k'), tokenPercentile(runs, 95, 'o200k')].map(n)
      lines.push(`| ${row.label} | ${set} | ${t.total} | ${t.found} | ${t.executed} | ${stats.join(' | ')} |`)
    }
  }
  return lines.join('\n')
}

/** Every task run, for anyone who wants to check a number. */
export function renderTaskRuns(rows: BenchRow[]): string {
  const out: string[] = []
  for (const row of rows) {
    if (!row.tasks?.length) continue
    out.push(`<details><summary>${row.label}: ${row.tasks.length} tasks</summary>`, '')
    out.push('| task | operation found (rank) | tool calls | cl100k | o200k | execute |', '|---|---|--:|--:|--:|---|')
    for (const r of row.tasks) {
      const found = r.found ? `\`${r.found}\` (${r.rank})` : '**miss**'
      const execute = r.found ? (r.executeOk ? 'ok' : `error: ${clip(r.executeError ?? '')}`) : '—'
      const query = r.task.set === 'blind' ? `${r.task.query} (blind)` : r.task.query
      out.push(`| ${cell(query)} | ${found} | ${r.toolCalls} | ${n(r.tokens.cl100k)} | ${n(r.tokens.o200k)} | ${cell(execute)} |`)
    }
    out.push('', '</details>', '')
  }
  return out.join('\n')
}

export interface ResultsContext {
  date: string
  commit: string
  /** Files under src/, sandbox/ or codegen/ that differed from the commit during the run. */
  uncommitted: number
  tables: { cl100k: string; o200k: string }
  taskSets: string
  constantCheck: string
  procedure: string
  taskRuns: string
}

/** The whole results file. */
export function renderResults(c: ResultsContext): string {
  return [
    '# Token benchmark',
    '',
    `Measured ${c.date} at commit \`${c.commit}\`${c.uncommitted ? ` with ${c.uncommitted} uncommitted file(s) in src/, sandbox/ or codegen/` : ''} by \`npm run bench:tokens\` (scripts/bench-tokens.ts). Rerun it to check any number here.`,
    '',
    '## cl100k_base',
    '',
    c.tables.cl100k,
    '',
    '## o200k_base',
    '',
    c.tables.o200k,
    '',
    '![Token benchmark: tokens per API, log scale](tokens.svg)',
    '',
    '## Reading cost per task set',
    '',
    c.taskSets,
    '',
    '## Constant footprint',
    '',
    c.constantCheck,
    '',
    '## How each number is measured',
    '',
    c.procedure,
    '',
    '## Every task',
    '',
    c.taskRuns,
  ].join('\n')
}

const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 140)}…` : s)
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
