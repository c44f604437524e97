// Shapes an execution into the tool answer: one JSON object with the result, console output and a token meter,
// cut to a token budget in a way that keeps it valid JSON and says what was cut.
import { estimateTokens } from '../estimate-tokens.ts'
import type { ToolAnswer } from '../mcp/tool-definitions.ts'
import type { StoreResult } from '../session/store-result.ts'
import { describeResult } from './describe-result.ts'
import { type DryRunSummary, dryRunSummary } from './dry-run-summary.ts'
import type { RunCodeResult } from './run-code-result.ts'
import { truncateJson } from './truncate-json.ts'

// JSON averages about 3.6 characters per cl100k token; error text is held to the same estimate.
const CHARS_PER_TOKEN = 3.6

/** Keeps a whole result (its JSON text) in the session store: its key, or why it could not. */
export type KeepResult = (json: string) => StoreResult<string> | Promise<StoreResult<string>>

/**
 * `mock`: set when the APIs are mocks (npm run demo); every answer then says so, in the meter or after an error.
 * `keep`: when the result must be cut, the whole of it is kept through this and the answer names its key.
 */
export async function formatAnswer(run: RunCodeResult, maxTokens: number, mock?: string, keep?: KeepResult): Promise<ToolAnswer> {
  const maxChars = Math.floor(maxTokens * CHARS_PER_TOKEN)
  const dryRun = run.planned && dryRunSummary(run.planned, Math.floor(maxChars * 0.4))
  if (!run.ok) {
    const planned = dryRun ? `\n${JSON.stringify({ dryRun })}` : ''
    const logs = `${run.logs.length ? `\nconsole:\n${run.logs.join('\n')}` : ''}${planned}`
    const note = mock ? `\n[mock upstream: ${mock}]` : ''
    return { text: `${`${run.error}${logs}`.slice(0, Math.floor(maxTokens * CHARS_PER_TOKEN) - note.length)}${note}`, isError: true }
  }
  const value = JSON.parse(run.json) as unknown
  const logBudget = Math.floor(maxTokens * 0.2)
  const logs = fitLines(run.logs, logBudget)
  const parts: AnswerParts = { note: describeResult(value, run.undefinedPaths), logs, dryRun }
  const budget = maxChars - JSON.stringify(logs.lines).length - (dryRun ? JSON.stringify(dryRun).length : 0)
  if (!keep) return fitAnswer(value, parts, budget, maxChars, maxTokens, run.calls, mock)
  // Keeping is a store write (over RPC from the Worker): only for a cut result, so the answer is fitted first without
  // the note on where the whole went, and again with it when that fit cut the result.
  let cut = false
  const asked = () => {
    cut = true
    return ''
  }
  const first = fitAnswer(value, { ...parts, kept: asked }, budget, maxChars, maxTokens, run.calls, mock)
  if (!cut) return first
  const note = keptNote(value, run.json, await keep(run.json))
  return fitAnswer(value, { ...parts, kept: () => note }, budget, maxChars, maxTokens, run.calls, mock)
}

/**
 * The result gets what the logs leave (`budget`); if the note on what was cut and the meter then push the answer over,
 * the result gets that much less. The note's length hardly changes between rounds, so two or three rounds settle it.
 */
function fitAnswer(value: unknown, parts: AnswerParts, budget: number, maxChars: number, maxTokens: number, calls: number, mock?: string): ToolAnswer {
  for (let round = 1; ; round++) {
    const text = answerText(value, parts, budget, maxTokens, calls, mock)
    const over = text.length - maxChars
    if (over <= 0 || round === 8 || budget <= 0) return { text }
    budget -= over
  }
}

interface AnswerParts {
  note?: string
  logs: { lines: string[]; dropped: number }
  dryRun?: DryRunSummary
  /** The sentence on where the whole result is kept; asked for only when the result is cut. */
  kept?: () => string
}

function answerText(value: unknown, { note, logs, dryRun, kept }: AnswerParts, budget: number, maxTokens: number, calls: number, mock?: string): string {
  const { value: result, cut } = truncateJson(value, budget)
  const answer: Record<string, unknown> = { result }
  if (note) answer.note = note
  if (dryRun) answer.dryRun = dryRun
  if (logs.lines.length) answer.logs = logs.lines
  if (cut.length || logs.dropped) {
    answer.truncated = `${[...cut, logs.dropped ? `${logs.dropped} console line(s)` : ''].filter(Boolean).join('; ')} cut to stay within ${maxTokens} tokens. Return fewer items or only the fields you need (e.g. map to ids and names).`
    if (cut.length && kept) answer.full = kept()
  }
  return withMeter(JSON.stringify(answer), calls, mock)
}

/** Appends the meter to an answer's JSON text; the tokens it counts include its own. */
function withMeter(json: string, calls: number, mock?: string): string {
  const open = json === '{}' ? '{' : `${json.slice(0, -1)},`
  const upstream = mock ? `,"upstream":${JSON.stringify(`mock: ${mock}`)}` : ''
  const meter = (tokens: number) => `${open}"meter":{"tokens":${tokens},"apiCalls":${calls}${upstream}}}`
  // Count until the count stops changing, as its own digits lengthen the text (two rounds, rarely three).
  let text = json
  for (;;) {
    const next = meter(estimateTokens(text, CHARS_PER_TOKEN))
    if (next === text) return text
    text = next
  }
}

/** Where the whole result went: `session.get('r3')` with its size, or why it is not kept. */
function keptNote(value: unknown, json: string, kept: StoreResult<string>): string {
  if (!kept.ok) return `The whole result was not kept in the session store: ${kept.error}.`
  const size = Array.isArray(value) ? `${value.length.toLocaleString('en-US')} items` : `${json.length.toLocaleString('en-US')} characters`
  return `The whole result (${size}) is await session.get('${kept.value}'): narrow it in code in your next execute, without calling the API again.`
}

function fitLines(lines: string[], budget: number): { lines: string[]; dropped: number } {
  const kept: string[] = []
  let used = 0
  for (const line of lines) {
    const cost = estimateTokens(line, CHARS_PER_TOKEN) + 1
    if (used + cost > budget) break
    kept.push(line)
    used += cost
  }
  return { lines: kept, dropped: lines.length - kept.length }
}
