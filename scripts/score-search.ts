// Scoring for the search benchmark: the task files, where the first acceptable answer ranks, recall@k, MRR, timing.
import { readFileSync } from 'node:fs'
import type { Catalog } from '../src/create-catalog.ts'
import type { SearchEngine } from '../src/search/search-engine.ts'

export interface SearchTask {
  api: string
  query: string
  accept: string[]
}

export interface RankingScore {
  recallAt1: number
  recallAt5: number
  mrr: number
  /** 1-based rank of the first accepted answer per task, or 0 when it is not in the top 10. */
  ranks: number[]
}

const MRR_DEPTH = 10

/** Ranks every task's query with `engine` and scores the ranks of the accepted `METHOD /path` answers. */
export function scoreRanking(catalog: Catalog, engine: SearchEngine, tasks: SearchTask[]): RankingScore {
  const ranks = tasks.map((task) => {
    const { hits } = engine.search(task.query, { api: task.api, limit: MRR_DEPTH, offset: 0 })
    const routes = hits.map((h) => {
      const op = catalog.getApi(h.api)?.byName.get(h.name)
      return op ? `${op.method} ${op.path}` : ''
    })
    return routes.findIndex((r) => task.accept.includes(r)) + 1
  })
  const share = (ok: (rank: number) => boolean) => ranks.filter(ok).length / Math.max(1, ranks.length)
  return {
    recallAt1: share((r) => r === 1),
    recallAt5: share((r) => r >= 1 && r <= 5),
    mrr: ranks.reduce((sum, r) => sum + (r ? 1 / r : 0), 0) / Math.max(1, ranks.length),
    ranks,
  }
}

/** Reads a task file: one JSON object a line. */
export function readTasks(file: string): SearchTask[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SearchTask)
}

/** Times `fn` once per call over `rounds` rounds, after one warm-up round; returns milliseconds per call. */
export function timeCalls(fns: (() => unknown)[], rounds: number): number[] {
  for (const fn of fns) fn()
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const fn of fns) {
      const t0 = performance.now()
      fn()
      times.push(performance.now() - t0)
    }
  }
  return times
}
