// `npm run bench:cpu-burn`: what one execute that burns CPU without a loop statement (a catastrophic regex, a
// native array method calling back over a huge range) costs every other session on local workerd, which enforces
// no CPU limit. For each burn: how long it takes, and how long a trivial execute from another MCP session takes
// while it runs, against that session's trivial-execute latency measured in the same run. Two configurations,
// one after the other: unbounded (no V8 flags, loop/call guard set out of reach) and bounded (the local V8 flags
// from test/support/local-v8-flags.ts, the default guard). Writes bench/results/cpu-burn.md.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { ROOT } from '../test/support/generate.ts'
import { LOCAL_V8_FLAGS } from '../test/support/local-v8-flags.ts'
import { startPetstore } from '../test/support/petstore.ts'
import { callTool, connect } from '../test/support/server.ts'
import { measureGuardCost } from './measure-guard-cost.ts'
import { percentile } from './percentile.ts'

const { values } = parseArgs({ options: { baseline: { type: 'string', default: '30' }, reps: { type: 'string', default: '2' } } })
const BASELINE = Number(values.baseline)
const REPS = Number(values.reps)

interface Burn {
  kind: string
  size: number
  code: string
  /** Too big to run unbounded: it would stall every session for minutes, or for ever. */
  boundedOnly?: boolean
}
const regex = (n: number, flags = ''): Burn => ({
  kind: `regex \`/(a+)+$/${flags}.test('a'.repeat(N) + 'b')\`${flags ? ' (a flag the linear engine lacks)' : ''}`,
  size: n,
  code: `async () => /(a+)+$/${flags}.test('a'.repeat(${n}) + 'b')`,
})
const from = (n: number): Burn => ({ kind: '`Array.from({ length: N }, (_, i) => i)`', size: n, code: `async () => Array.from({ length: ${n} }, (_, i) => i).length` })
const sort = (n: number): Burn => ({
  kind: '`.sort((a, b) => a - b)` over N shuffled numbers',
  size: n,
  code: `async () => Array.from({ length: ${n} }, (_, i) => (i * 7919) % ${n}).sort((a, b) => a - b).length`,
})
const map = (n: number): Burn => ({ kind: '`new Array(N).fill(0).map((x) => x + 1)`', size: n, code: `async () => new Array(${n}).fill(0).map((x) => x + 1).length` })
const BURNS: Burn[] = [
  regex(20),
  regex(24),
  regex(28),
  { ...regex(100_000), boundedOnly: true },
  regex(26, 'i'),
  from(1e6),
  from(5e6),
  from(2e7),
  { ...from(5e8), boundedOnly: true },
  map(2e7),
  sort(3e5),
  sort(3e6),
]

const CONFIGS = [
  { label: 'unbounded: no V8 flags, guard limit 1e15', bounded: false, v8Flags: '', vars: { EXECUTE_MAX_LOOP_ITERATIONS: '1000000000000000' } },
  { label: 'bounded: local V8 flags, guard limit 10M (default)', bounded: true, v8Flags: LOCAL_V8_FLAGS, vars: {} },
]

/** One execute; returns its wall time and a short outcome (the result, or the error's first words). */
async function execute(client: Client, code: string): Promise<{ ms: number; outcome: string }> {
  const t0 = performance.now()
  const { text, isError } = await callTool(client, 'execute', { code })
  const ms = performance.now() - t0
  return { ms, outcome: isError ? `error: ${text.slice(0, 60)}…` : JSON.stringify((JSON.parse(text) as { result: unknown }).result) }
}

async function trivial(client: Client): Promise<number> {
  const { ms, outcome } = await execute(client, 'async () => 1')
  if (outcome !== '1') throw new Error(`unexpected trivial answer: ${outcome}`)
  return ms
}

interface Row {
  config: string
  burn: Burn
  burnMs: number
  outcome: string
  probes: number
  probeMax: number
  base: number
}

const guardCost = measureGuardCost()

const rows: Row[] = []
const baselines: { config: string; p50: number; p95: number; after: number }[] = []
const loadAtStart = loadavg()[0] as number
for (const config of CONFIGS) {
  process.env.MINIFLARE_WORKERD_V8_FLAGS = config.v8Flags
  const stack = await startPetstore({ record: false, vars: config.vars })
  const burner = await connect(stack.server.mcpUrl)
  const other = await connect(stack.server.mcpUrl)
  try {
    for (let i = 0; i < 5; i++) await Promise.all([trivial(burner), trivial(other)])
    const base: number[] = []
    for (let i = 0; i < BASELINE; i++) base.push(await trivial(other))
    const p50 = percentile(base, 50)
    for (const burn of BURNS.filter((b) => config.bounded || !b.boundedOnly)) {
      for (let rep = 0; rep < REPS; rep++) {
        let done = false
        const running = execute(burner, burn.code).finally(() => {
          done = true
        })
        // Probe from the other session for as long as the burn runs; a probe counts if it started before the end.
        const probes: number[] = []
        await new Promise((resolve) => setTimeout(resolve, 20))
        while (!done) probes.push(await trivial(other))
        const { ms, outcome } = await running
        rows.push({ config: config.label, burn, burnMs: ms, outcome, probes: probes.length, probeMax: Math.max(0, ...probes), base: p50 })
        console.log(config.label, burn.kind, burn.size, ms.toFixed(0), outcome, probes.map((p) => p.toFixed(0)).join(' '))
      }
    }
    const after: number[] = []
    for (let i = 0; i < BASELINE; i++) after.push(await trivial(other))
    baselines.push({ config: config.label, p50, p95: percentile(base, 95), after: percentile(after, 50) })
  } finally {
    await burner.close()
    await other.close()
    await stack.stop()
  }
}

const fmt = (n: number) => n.toLocaleString('en-US')
const table = [
  'CPU burns without a loop statement, on local workerd (no CPU limit): one MCP session runs the burn, another runs',
  '`async () => 1` back to back while it lasts. "Stall" is the slowest of those probes (a probe counts if it started',
  `before the burn ended), over the other session's p50 for \`async () => 1\` measured before the burns in the same run;`,
  '"—" when the burn was over before the first probe (sent 20 ms after the burn) started.',
  `${REPS} runs per burn. Official MCP client → the Worker in local workerd (wrangler) → Dynamic Worker. LOCAL_V8_FLAGS: \`${LOCAL_V8_FLAGS}\`.`,
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (1-minute load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] as number).toFixed(1)} at end), Node ${process.versions.node}.`,
  '',
  '| configuration | trivial execute p50 ms (before burns) | p95 ms | p50 ms after burns |',
  '| --- | ---: | ---: | ---: |',
  ...baselines.map((b) => `| ${b.config} | ${b.p50.toFixed(1)} | ${b.p95.toFixed(1)} | ${b.after.toFixed(1)} |`),
  '',
  '| configuration | burn | N | burn ms | outcome | probes during burn | slowest probe ms | stall / baseline p50 |',
  '| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.config} | ${r.burn.kind} | ${fmt(r.burn.size)} | ${r.burnMs.toFixed(0)} | ${r.outcome.replaceAll('|', '\\|')} | ${r.probes} | ${r.probes ? r.probeMax.toFixed(0) : '—'} | ${r.probes ? (r.probeMax / r.base).toFixed(1) : '—'} |`,
  ),
  '',
  `Guard cost on code within budget, under Node ${process.versions.node} (V8 ${process.versions.v8}): the same body plain and instrumented, 20 interleaved runs each after 5 warm-ups, median.`,
  '',
  '| body | plain ms | guarded ms | guarded / plain |',
  '| --- | ---: | ---: | ---: |',
  ...guardCost.map((g) => `| ${g.label} | ${g.plain.toFixed(1)} | ${g.guarded.toFixed(1)} | ${(g.guarded / g.plain).toFixed(2)} |`),
].join('\n')
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/cpu-burn.md'), `${table}\n`)
console.log(table)
