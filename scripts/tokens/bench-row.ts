// One row of the token benchmark, and the statistics over its tasks.
import type { TokenCount } from './count-tokens.ts'
import type { SpecMeasure } from './measure-spec.ts'
import type { TaskRun } from './run-task.ts'

export interface BenchRow extends SpecMeasure {
  label: string
  /** This server's `tools/list`, from the running Worker. */
  server: TokenCount
  /** Undefined when the API has no task file. */
  tasks?: TaskRun[]
}

export type Tokenizer = keyof TokenCount

/** Nearest-rank percentile (p in 0..100) of the tokens read per task. */
export function percentile(runs: TaskRun[], p: number, tokenizer: Tokenizer): number | undefined {
  if (!runs.length) return undefined
  const sorted = runs.map((r) => r.tokens[tokenizer]).sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Counts of tasks found and of calls Prism accepted. */
export function taskSummary(runs: TaskRun[]): { total: number; found: number; executed: number } {
  return { total: runs.length, found: runs.filter((r) => r.found).length, executed: runs.filter((r) => r.executeOk).length }
}
