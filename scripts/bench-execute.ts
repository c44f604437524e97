// `npm run bench:execute`: warm latency of `execute` through the official MCP client against the real Worker and
// Prism (petstore), with one API call and with ten, next to the bare Worker Loader floor measured in the same run
// (scripts/loader-floor: a separate Worker with only a LOADER binding), that floor with the same upstream call
// added (so the upstream's own time is not read as overhead), and the same execute on a second server
// with identity sign-in (an OIDC mock as the identity provider), to price sign-in. Writes bench/results/execute.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { unstable_startWorker } from 'wrangler'
import { generate, ROOT } from '../test/support/generate.ts'
import { startIdentityProvider } from '../test/support/identity-provider.ts'
import { connectSignedIn } from '../test/support/oauth-client.ts'
import { PETSTORE_SPEC, startPetstore } from '../test/support/petstore.ts'
import { callTool, connect, startServer } from '../test/support/server.ts'
import { percentile } from './percentile.ts'

const { values } = parseArgs({ options: { samples: { type: 'string', default: '200' }, warmup: { type: 'string', default: '20' } } })
const SAMPLES = Number(values.samples)
/** Untimed pause after each sample, longer than any work an answer leaves behind. */
const PAUSE_MS = 10
const WARMUP = Number(values.warmup)

interface Case {
  label: string
  /** Runs once and throws unless the answer is the expected one, so a fast error never counts as a sample. */
  run(): Promise<void>
}

const stack = await startPetstore({ record: false })
const floor = await unstable_startWorker({
  config: join(ROOT, 'scripts/loader-floor/wrangler.jsonc'),
  dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, remote: false, watch: false, logLevel: 'error' } as never,
})
await floor.ready
const floorUrl = new URL(String(await floor.url))
const client = await connect(stack.server.mcpUrl)
const stateless = await connect(new URL('/mcp/stateless', stack.server.url))
const idp = await startIdentityProvider()
const signedInServer = await startServer({
  generated: generate([PETSTORE_SPEC]),
  vars: { API_CONFIG: { petstore: { baseUrl: stack.prism.url } }, SIGN_IN: { mode: 'identity', issuer: idp.issuer.url, clientId: 'bench' } },
  secrets: { PETSTORE_API_TOKEN: 'petstore-test-token', SIGN_IN_CLIENT_SECRET: 'bench-secret' },
})
const signedIn = await connectSignedIn(signedInServer.mcpUrl)
// A server whose trust window (a tenth of SESSION_IDLE_SECONDS, src/session/open-sessions.ts) is shorter than the gap
// between two samples of a case: every call on it waits for its session object's check, as a call after a minute
// of quiet does on the default settings.
const checkingServer = await startServer({
  generated: generate([PETSTORE_SPEC]),
  vars: { API_CONFIG: { petstore: { baseUrl: stack.prism.url } }, SESSION_IDLE_SECONDS: '2' },
  secrets: { PETSTORE_API_TOKEN: 'petstore-test-token' },
})
const checking = await connect(checkingServer.mcpUrl)

const execute =
  (code: string, result: unknown, apiCalls: number, on: Client = client) =>
  async () => {
    const { text, isError } = await callTool(on, 'execute', { code })
    const answer = isError ? undefined : (JSON.parse(text) as { result?: unknown; meter?: { apiCalls?: number } })
    if (JSON.stringify(answer?.result) !== JSON.stringify(result) || answer?.meter?.apiCalls !== apiCalls) throw new Error(`unexpected execute answer: ${text.slice(0, 500)}`)
  }
const get = (path: string, want: string) => async () => {
  const text = await (await fetch(new URL(path, floorUrl))).text()
  if (text !== want) throw new Error(`unexpected floor answer from ${path}: ${text.slice(0, 200)}`)
}

const CASES: Case[] = [
  { label: 'execute, 1 API call', run: execute('async () => (await petstore.getPetById({ petId: 1 })).name', 'doggie', 1) },
  {
    label: 'execute, 10 API calls (one after another)',
    run: execute(
      'async () => { const names: string[] = []; for (let k = 1; k <= 10; k++) names.push((await petstore.getPetById({ petId: k })).name); return names.length }',
      10,
      10,
    ),
  },
  { label: 'execute, no API call', run: execute('async () => 1 + 1', 2, 0) },
  {
    label: 'execute, 1 API call, signed in (identity sign-in, bearer token checked per request)',
    run: execute('async () => (await petstore.getPetById({ petId: 1 })).name', 'doggie', 1, signedIn),
  },
  {
    label: 'execute, 1 API call, stateless route (/mcp/stateless: no session, no Durable Object)',
    run: execute('async () => (await petstore.getPetById({ petId: 1 })).name', 'doggie', 1, stateless),
  },
  {
    label: "execute, 1 API call, its session checked with the session's object first (no call on it within the last minute)",
    run: execute('async () => (await petstore.getPetById({ petId: 1 })).name', 'doggie', 1, checking),
  },
  { label: 'Worker Loader floor: bare `LOADER.load()` of a trivial module + one RPC call, over HTTP', run: get('/load', '1') },
  {
    label: 'the floor and the same upstream call: the Worker fetches Prism (petstore) `GET /pet/1` after the load and RPC',
    run: get(`/load?upstream=${encodeURIComponent(`${stack.prism.url}/pet/1`)}`, '200'),
  },
  { label: 'HTTP round trip to a Worker, no load', run: get('/', 'ok') },
]

const loadAtStart = loadavg()[0] as number
try {
  for (let i = 0; i < WARMUP; i++) for (const c of CASES) await c.run()
  // Interleaved, so that drift on a shared machine touches every case alike.
  const times = CASES.map(() => [] as number[])
  for (let i = 0; i < SAMPLES; i++) {
    for (const [k, c] of CASES.entries()) {
      const t0 = performance.now()
      await c.run()
      times[k]?.push(performance.now() - t0)
      // An agent's next call comes after it has read the answer. Without a pause, work a request leaves for after
      // its answer (read audit lines, 5 ms later: src/host/audit-log.ts) ran inside the next case's sample, the
      // floor's included, and flattered the ratios.
      await new Promise((r) => setTimeout(r, PAUSE_MS))
    }
  }
  const stats = times.map((t) => ({ p50: percentile(t, 50), p95: percentile(t, 95) }))
  const base = stats[CASES.findIndex((c) => c.label.startsWith('Worker Loader floor'))] as { p50: number; p95: number }
  const signInCost = (stats[3] as { p50: number }).p50 / (stats[0] as { p50: number }).p50
  const withUpstream = stats[CASES.findIndex((c) => c.label.startsWith('the floor and the same upstream call'))] as { p50: number }
  const wrangler = (JSON.parse(readFileSync(join(ROOT, 'node_modules/wrangler/package.json'), 'utf8')) as { version: string }).version
  const table = [
    `Execute latency, warm: ${SAMPLES} samples per row (interleaved) after ${WARMUP} warm-up rounds, one MCP session, one call at a time, ${PAUSE_MS} ms untimed pause after each.`,
    `Official MCP client over Streamable HTTP → the Worker in local workerd (wrangler ${wrangler}) → Dynamic Worker → ApiHost over RPC → Prism (petstore).`,
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (1-minute load average ${loadAtStart.toFixed(1)} at start, ${(loadavg()[0] as number).toFixed(1)} at end), Node ${process.versions.node}.`,
    'Ratios are to the Worker Loader floor at the same percentile.',
    `Sign-in costs ${((signInCost - 1) * 100).toFixed(1)}% at p50 (execute with one API call, signed in vs not, same run).`,
    `Against the floor with the same upstream call (${withUpstream.p50.toFixed(1)} ms), one API call is ${((stats[0] as { p50: number }).p50 / withUpstream.p50).toFixed(2)}x on /mcp and ${((stats[4] as { p50: number }).p50 / withUpstream.p50).toFixed(2)}x on the stateless route at p50.`,
    '',
    '| what | p50 ms | p95 ms | p50 / floor | p95 / floor |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...CASES.map((c, k) => {
      const s = stats[k] as { p50: number; p95: number }
      return `| ${c.label} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${(s.p50 / base.p50).toFixed(2)} | ${(s.p95 / base.p95).toFixed(2)} |`
    }),
  ].join('\n')
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
  writeFileSync(join(ROOT, 'bench/results/execute.md'), `${table}\n`)
  console.log(table)
} finally {
  await client.close()
  await stateless.close()
  await signedIn.close()
  await checking.close()
  await checkingServer.stop()
  await signedInServer.stop()
  await idp.stop()
  await floor.dispose()
  await stack.stop()
}
