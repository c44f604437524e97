// One search task, played by a mechanical agent against the running server: search with the task's words, follow
// the "page: N" that the answer offers until an acceptable operation shows up, look its signature up by exact name
// when the list did not show it whole, then execute one call against the upstream. Every answer read is counted.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { sampleInput } from '../../test/support/sample-input.ts'
import { callTool } from '../../test/support/server.ts'
import type { SearchTask as BaseTask } from '../score-search.ts'
import { addCounts, countTokens, type TokenCount } from './count-tokens.ts'

/** Pages of search results the agent reads before it gives up on a task (the first page included). */
export const MAX_SEARCH_PAGES = 5

export interface SearchTask extends BaseTask {
  /** Which task files it came from: those search was tuned on, or the blind ones nobody tuned on. */
  set?: 'tuning' | 'blind'
}

export interface TaskRun {
  task: SearchTask
  /** `api.operation` of the first acceptable operation found, or undefined for a miss. */
  found?: string
  /** 1-based rank of that operation in the search results. */
  rank?: number
  toolCalls: number
  tokens: TokenCount
  executeOk: boolean
  /** First line of the execute answer when it was an error. */
  executeError?: string
}

export interface TaskApi {
  byName: Map<string, OperationSpec>
  schemas: Record<string, JsonSchema>
}

const HIT_LINE = /^(\d+)\. ([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*) — ([A-Z]+) (\S+)/

/** Plays one task and returns what it cost; a task whose operation never shows up is a miss, not an error. */
export async function runTask(client: Client, task: SearchTask, apis: Record<string, TaskApi>): Promise<TaskRun> {
  const read: TokenCount[] = []
  let toolCalls = 0
  const ask = async (name: string, args: Record<string, unknown>) => {
    const answer = await callTool(client, name, args)
    toolCalls++
    read.push(countTokens(answer.text))
    return answer
  }
  const accept = new Set(task.accept.map(normalize))
  let hit: { name: string; rank: number; text: string } | undefined
  for (let page = 1; page <= MAX_SEARCH_PAGES && !hit; ) {
    const { text } = await ask('search', page === 1 ? { query: task.query } : { query: task.query, page })
    for (const line of text.split('\n')) {
      const m = HIT_LINE.exec(line)
      if (m && m[2] === task.api && accept.has(normalize(`${m[4]} ${m[5]}`))) {
        hit = { name: m[3] as string, rank: Number(m[1]), text }
        break
      }
    }
    const next = /\bpage: (\d+)/.exec(text.split('\n').at(-1) ?? '')
    if (!next) break
    page = Number(next[1])
  }
  if (!hit) return { task, toolCalls, tokens: addCounts(...read), executeOk: false }
  const qualified = `${task.api}.${hit.name}`
  if (!signatureShown(hit.text, qualified)) await ask('search', { query: qualified })
  const api = apis[task.api]
  const op = api?.byName.get(hit.name)
  if (!api || !op) throw new Error(`${qualified} was in the search answer but not in the operation table`)
  const input = sampleInput(op, api.schemas)
  const code = `async () => {\n  const r = await ${qualified}(${JSON.stringify(input)})\n  return r\n}`
  const answer = await ask('execute', { code })
  return {
    task,
    found: qualified,
    rank: hit.rank,
    toolCalls,
    tokens: addCounts(...read),
    executeOk: !answer.isError,
    executeError: answer.isError ? answer.text.split('\n')[0] : undefined,
  }
}

/** True when the answer shows the operation's input whole: a signature line not cut short with "…". */
function signatureShown(text: string, qualified: string): boolean {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${qualified}(`))
  return line !== undefined && !line.trimEnd().endsWith('…')
}

/** "get /zones/{zone_id}" and "GET /zones/{id}" compare equal: the method upper-cased, path parameters unnamed. */
const normalize = (methodPath: string) =>
  methodPath
    .trim()
    .replace(/^(\w+)\s+/, (_m, verb: string) => `${verb.toUpperCase()} `)
    .replace(/\{[^}]*\}/g, '{}')
