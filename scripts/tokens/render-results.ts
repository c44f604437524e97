// The benchmark as markdown: one table per tokenizer, then each task as the mechanical agent played it.
import { type BenchRow, percentile, type Tokenizer, taskSummary } from './bench-row.ts'

const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString('en-US'))

/** The headline table for one tokenizer. */
export function renderTable(rows: BenchRow[], tokenizer: Tokenizer): string {
  const lines = [
    '| API | operations | flat tool list | flat, required params only | codemode `openApiMcpServer` | this server `tools/list` | per task, median | per task, p95 | tasks found / call accepted |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ]
  for (const r of rows) {
    const t = r.tasks && taskSummary(r.tasks)
    const cells = [r.label, n(r.operations), n(r.flat[tokenizer]), n(r.flatRequired[tokenizer]), n(r.peer[tokenizer]), `**${n(r.server[tokenizer])}**`]
    cells.push(r.tasks?.length ? n(percentile(r.tasks, 50, tokenizer)) : '—', r.tasks?.length ? n(percentile(r.tasks, 95, tokenizer)) : '—')
    cells.push(t ? `${t.found}/${t.total} / ${t.executed}/${t.total}` : '—')
    lines.push(`| ${cells.join(' | ')} |`)
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
      out.push(`| ${cell(r.task.query)} | ${found} | ${r.toolCalls} | ${n(r.tokens.cl100k)} | ${n(r.tokens.o200k)} | ${cell(execute)} |`)
    }
    out.push('', '</details>', '')
  }
  return out.join('\n')
}

export interface ResultsContext {
  date: string
  commit: string
  tables: { cl100k: string; o200k: string }
  constantCheck: string
  procedure: string
  taskRuns: string
}

/** The whole results file. */
export function renderResults(c: ResultsContext): string {
  return [
    '# Token benchmark',
    '',
    `Measured ${c.date} at commit \`${c.commit}\` by \`npm run bench:tokens\` (scripts/bench-tokens.ts). Rerun it to check any number here.`,
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
