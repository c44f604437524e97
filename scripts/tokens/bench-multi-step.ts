// The multi-step part of `npm run bench:tokens`: "find every DNS record pointing at 192.0.2.1 across all zones, then
// delete them", played by two mechanical agents over the real Worker (Cloudflare's whole spec) and a stateful
// upstream. One reads the matches and writes them back into its second execute; the other keeps them in the session
// store and reads only a count. Both make the same upstream calls; the tokens each reads and writes are counted.
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SHARED_SPECS } from '../../test/support/generate.ts'
import { callTool, connect } from '../../test/support/server.ts'
import { addCounts, countTokens, type TokenCount } from './count-tokens.ts'
import { serveApis } from './serve-apis.ts'
import { type DnsUpstream, startDnsUpstream } from './start-dns-upstream.ts'

const TARGET = '192.0.2.1'
const SHAPE = { zones: 20, recordsPerZone: 90, matchesPerZone: 6, target: TARGET }

export interface MultiStepRun {
  agent: string
  executes: number
  upstreamCalls: number
  deleted: number
  read: TokenCount
  written: TokenCount
}

const FIND = `const matches = []
  for await (const zone of cloudflare.paginate('zonesGet', { per_page: 50 }))
    for await (const r of cloudflare.paginate('dnsRecordsForAZoneListDnsRecords', { zone_id: zone.id, per_page: 100 }))
      if (r.content === '${TARGET}') matches.push({ zone_id: zone.id, id: r.id, name: r.name })`
const DELETE = `for (const m of matches) await cloudflare.dnsRecordsForAZoneDeleteDnsRecord({ zone_id: m.zone_id, dns_record_id: m.id, body: {} })
  return { deleted: matches.length }`

/** The two agents: each turns the first answer into its second execute's code. */
const AGENTS: { agent: string; find: string; remove: (firstAnswer: string) => string }[] = [
  {
    agent: 'without the store: reads the matches, writes them back',
    find: `async () => {\n  ${FIND}\n  return matches\n}`,
    remove: (answer) => `async () => {\n  const matches = ${JSON.stringify(JSON.parse(answer).result)}\n  ${DELETE}\n}`,
  },
  {
    agent: 'with the store: keeps the matches in the session',
    find: `async () => {\n  ${FIND}\n  await session.set('matches', matches)\n  return { count: matches.length, first: matches.slice(0, 3) }\n}`,
    remove: () => `async () => {\n  const matches = await session.get('matches')\n  ${DELETE}\n}`,
  },
]

/** Runs both agents, each in its own MCP session, against the same seeded records. */
export async function benchMultiStep(log: (line: string) => void): Promise<MultiStepRun[]> {
  const upstream = await startDnsUpstream(SHAPE)
  log(`multi-step: codegen and Worker for cloudflare, ${upstream.matching} of ${SHAPE.zones * SHAPE.recordsPerZone} records point at ${TARGET}`)
  const served = await serveApis([join(SHARED_SPECS, 'cloudflare.json')], ['cloudflare'], {
    baseUrls: { cloudflare: upstream.url },
    vars: { EXECUTE_MAX_CALLS: '500', EXECUTE_MAX_WRITES: '500' },
    secrets: { CLOUDFLARE_API_EMAIL: 'bench@example.com', CLOUDFLARE_API_KEY: 'bench-key' },
  })
  try {
    const runs: MultiStepRun[] = []
    for (const agent of AGENTS) {
      upstream.reset()
      const client = await connect(served.mcpUrl)
      try {
        runs.push(await play(client, agent, upstream))
      } finally {
        await client.close()
      }
    }
    return runs
  } finally {
    await served.stop()
    await upstream.stop()
  }
}

async function play(client: Client, agent: (typeof AGENTS)[number], upstream: DnsUpstream): Promise<MultiStepRun> {
  const read: TokenCount[] = []
  const written: TokenCount[] = []
  const execute = async (code: string) => {
    written.push(countTokens(code))
    const answer = await callTool(client, 'execute', { code })
    read.push(countTokens(answer.text))
    if (answer.isError) throw new Error(`multi-step (${agent.agent}): ${answer.text.slice(0, 300)}`)
    return answer.text
  }
  const first = await execute(agent.find)
  const last = JSON.parse(await execute(agent.remove(first))) as { result: { deleted: number } }
  return { agent: agent.agent, executes: 2, upstreamCalls: upstream.requests.length, deleted: last.result.deleted, read: addCounts(...read), written: addCounts(...written) }
}

/** The runs as a markdown table, with the ratio of tokens read. */
export function renderMultiStep(runs: MultiStepRun[]): string {
  const rows = runs.map((r) => `| ${r.agent} | ${r.executes} | ${r.upstreamCalls} | ${r.deleted} | ${r.read.cl100k} | ${r.written.cl100k} | ${r.read.cl100k + r.written.cl100k} |`)
  const [without, withStore] = runs
  const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(1) : 'n/a')
  return [
    `Task: find every DNS record pointing at ${TARGET} across ${SHAPE.zones} zones of ${SHAPE.recordsPerZone} records, then delete them (${SHAPE.zones * SHAPE.matchesPerZone} match).`,
    '',
    '| agent | executes | upstream calls | deleted | cl100k read | cl100k written (code) | total |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Tokens read: ${ratio(without?.read.cl100k, withStore?.read.cl100k)}x fewer with the store; read and written: ${ratio(
      without && without.read.cl100k + without.written.cl100k,
      withStore && withStore.read.cl100k + withStore.written.cl100k,
    )}x fewer.`,
  ].join('\n')
}
