// `npm run bench:start`: how long the server takes from `unstable_startWorker` to a served MCP `tools/list`,
// against a hello-world Worker started the same way in the same run (the baseline), over several rounds.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { unstable_startWorker } from 'wrangler'
import { LOCAL_V8_FLAGS } from '../test/support/local-v8-flags.ts'
import { generatedApis } from './load-catalog.ts'
import { median } from './percentile.ts'

process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false'
process.env.MINIFLARE_WORKERD_V8_FLAGS = LOCAL_V8_FLAGS
process.env.WRANGLER_SEND_METRICS = 'false'
const ROOT = resolve(import.meta.dirname, '..')
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } })
const DEV = { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, remote: false, watch: false, logLevel: 'error' } as never

/** Milliseconds from start to the first answered request: `GET /` for the baseline, MCP tools/list for ours. */
async function timeStart(config: string, probe: (url: URL) => Promise<void>): Promise<number> {
  const t0 = performance.now()
  const worker = await unstable_startWorker({ config, dev: DEV })
  await worker.ready
  await probe(new URL(String(await worker.url)))
  const ms = performance.now() - t0
  await worker.dispose()
  return ms
}

const listTools = async (url: URL) => {
  const client = new Client({ name: 'bench-start', version: '1' })
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', url)))
  await client.listTools()
  await client.close()
}
const getRoot = async (url: URL) => {
  await (await fetch(url)).text()
}

const rounds = Number(values.rounds)
const base: number[] = []
const ours: number[] = []
for (let i = 0; i < rounds; i++) {
  base.push(await timeStart(join(ROOT, 'scripts/start-baseline/wrangler.jsonc'), getRoot))
  ours.push(await timeStart(join(ROOT, 'wrangler.jsonc'), listTools))
}
const apis = generatedApis(join(ROOT, 'generated'))
const table = [
  `Server start serving ${apis.join(', ')} (generated/), median of ${rounds} rounds`,
  '',
  '| what | median ms | ratio to baseline |',
  '| --- | ---: | ---: |',
  `| hello-world Worker, start to first response (baseline) | ${median(base).toFixed(0)} | 1.00 |`,
  `| this server, start to first MCP tools/list | ${median(ours).toFixed(0)} | ${(median(ours) / median(base)).toFixed(2)} |`,
].join('\n')
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/start.md'), `${table}\n`)
console.log(table)
