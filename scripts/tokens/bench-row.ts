// One row of the token benchmark, and the statistics over its tasks.

import { percentile } from '../percentile.ts'
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
export function tokenPercentile(runs: TaskRun[], p: number, tokenizer: Tokenizer): number | undefined {
  return runs.length
    ? percentile(
        runs.map((r) => r.tokens[tokenizer]),
        p,
      )
    : undefined
}

/** Counts of tasks found and of calls Prism accepted. */
export function taskSummary(runs: TaskRun[]): { total: number; found: number; executed: number } {
  return { total: runs.length, found: runs.filter((r) => r.found).length, executed: runs.filter((r) => r.executeOk).length }
}
