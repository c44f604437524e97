// Shapes an execution into the tool answer: one JSON object with the result, console output and a token meter,
// cut to a token budget in a way that keeps it valid JSON and says what was cut.
import type { ToolAnswer } from '../mcp/register-tools.ts'
import type { RunCodeResult } from './run-code.ts'
import { truncateJson } from './truncate-json.ts'

/** Rough cl100k estimate: JSON averages about 3.6 characters per token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 3.6)

export function formatAnswer(run: RunCodeResult, maxTokens: number): ToolAnswer {
  if (!run.ok) {
    const logs = run.logs.length ? `\nconsole:\n${run.logs.join('\n')}` : ''
    return { text: `${run.error}${logs}`.slice(0, maxTokens * 4), isError: true }
  }
  const value = JSON.parse(run.json) as unknown
  const logBudget = Math.floor(maxTokens * 0.2)
  const logs = fitLines(run.logs, logBudget)
  const maxChars = Math.floor(maxTokens * 3.6)
  let budget = maxChars - JSON.stringify(logs.lines).length
  // The result gets what the logs leave; if the note on what was cut and the meter then push the answer over, the
  // result gets that much less. The note's length hardly changes between rounds, so two or three rounds settle it.
  for (let round = 1; ; round++) {
    const text = answerText(value, logs, budget, maxTokens, run.calls)
    const over = text.length - maxChars
    if (over <= 0 || round === 8 || budget <= 0) return { text }
    budget -= over
  }
}

function answerText(value: unknown, logs: { lines: string[]; dropped: number }, budget: number, maxTokens: number, calls: number): string {
  const { value: result, cut } = truncateJson(value, budget)
  const answer: Record<string, unknown> = { result }
  if (logs.lines.length) answer.logs = logs.lines
  if (cut.length || logs.dropped) {
    answer.truncated = `${[...cut, logs.dropped ? `${logs.dropped} console line(s)` : ''].filter(Boolean).join('; ')} cut to stay within ${maxTokens} tokens. Return fewer items or only the fields you need (e.g. map to ids and names).`
  }
  const text = JSON.stringify(answer)
  answer.meter = { tokens: estimateTokens(text), apiCalls: calls }
  return JSON.stringify(answer)
}

function fitLines(lines: string[], budget: number): { lines: string[]; dropped: number } {
  const kept: string[] = []
  let used = 0
  for (const line of lines) {
    const cost = estimateTokens(line) + 1
    if (used + cost > budget) break
    kept.push(line)
    used += cost
  }
  return { lines: kept, dropped: lines.length - kept.length }
}
