// `npm run bench:serving -- [--before <commit>] [--rounds N]`: what serving costs as an operator meets it, for this
// checkout and (with --before) an earlier commit side by side in the same run: the script's gzip size from
// `wrangler deploy --dry-run` (Cloudflare alone, the three big APIs, a 10,000-operation API), the startup CPU that
// `wrangler check startup` profiles, and the first `search` on a fresh isolate, through the official MCP client.
// Writes bench/results/serving.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { unstable_startWorker } from 'wrangler'
import { SHARED_SPECS } from '../test/support/generate.ts'
import { LOCAL_V8_FLAGS } from '../test/support/local-v8-flags.ts'
import { connect } from '../test/support/server.ts'
import { median } from './percentile.ts'
import { synthSpec } from './synth-spec.ts'

const ROOT = join(import.meta.dirname, '..')
const { values } = parseArgs({ options: { before: { type: 'string' }, rounds: { type: 'string', default: '5' } } })
const ROUNDS = Number(values.rounds)
const ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', MINIFLARE_WORKERD_V8_FLAGS: LOCAL_V8_FLAGS }
const TMP = mkdtempSync(join(tmpdir(), 'bench-serving-'))
const synth = join(TMP, 'synth10k.json')
writeFileSync(synth, JSON.stringify(synthSpec(10_000)))
const SETS: Record<string, string[]> = {
  'Cloudflare alone': [join(ROOT, 'openapi/cloudflare.json')],
  'Cloudflare + GitHub + Stripe': [join(ROOT, 'openapi/cloudflare.json'), join(SHARED_SPECS, 'github.yaml'), join(SHARED_SPECS, 'stripe.yaml')],
  '10,000-operation API': [synth],
}

/** A checkout to measure: this one, or a worktree of an earlier commit sharing this one's node_modules. */
function checkout(commit?: string): { label: string; dir: string } {
  if (!commit) return { label: `this checkout (${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ', uncommitted changes' : ''})`, dir: ROOT }
  const dir = join(TMP, `before-${commit}`)
  git(['worktree', 'add', '--detach', dir, commit])
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return { label: `${git(['rev-parse', '--short', commit])} (before)`, dir }
}
const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()

/** Runs the checkout's own codegen over `specs` into a fresh folder. */
function generateIn(dir: string, specs: string[]): string {
  const specDir = mkdtempSync(join(TMP, 'specs-'))
  for (const spec of specs) writeFileSync(join(specDir, spec.split('/').pop() as string), readFileSync(spec))
  const out = join(specDir, 'generated')
  execFileSync(process.execPath, [join(dir, 'codegen/index.ts'), '--specs', specDir, '--out', out, '--quiet'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] })
  return out
}

const hasAssets = (generated: string) => existsSync(join(generated, 'assets'))
const wranglerArgs = (generated: string) => ['--alias', `@generated/apis:${join(generated, 'apis.ts')}`, ...(hasAssets(generated) ? ['--assets', join(generated, 'assets')] : [])]

function wrangler(dir: string, args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), ...args], { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 64 << 20 })
  const output = `${run.stdout}${run.stderr}`
  if (run.status !== 0) throw new Error(`wrangler ${args.slice(0, 2).join(' ')} failed in ${dir}:\n${output.slice(-2000)}`)
  return output
}

/** The script `wrangler deploy --dry-run` builds, and its gzip size in KiB. */
function bundle(dir: string, generated: string): { kib: number; file: string } {
  const file = join(mkdtempSync(join(TMP, 'out-')), 'worker.bundle')
  const output = wrangler(dir, ['deploy', '--dry-run', '--outfile', file, ...wranglerArgs(generated)])
  return { kib: Number(/Total Upload: [\d.]+ KiB \/ gzip: ([\d.]+) KiB/.exec(output)?.[1]), file }
}

/** `wrangler check startup`'s active CPU time for a built script, in ms. */
function startupMs(dir: string, file: string): number {
  const output = wrangler(dir, ['check', 'startup', '--worker', file, '--outfile', join(TMP, 'startup.cpuprofile')])
  const active = /Active: ([\d.]+) ms/.exec(output)?.[1]
  if (!active) throw new Error(`no startup profile in:\n${output.slice(-1500)}`)
  return Number(active)
}

/** The first search's latency on a freshly started Worker (a new isolate), and a second, warm one. */
async function firstSearchMs(dir: string, generated: string): Promise<{ cold: number; warm: number }> {
  const worker = await unstable_startWorker({
    config: join(dir, 'wrangler.jsonc'),
    build: { alias: { '@generated/apis': join(generated, 'apis.ts') } },
    ...(hasAssets(generated) ? { assets: join(generated, 'assets') } : {}),
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, remote: false, watch: false, logLevel: 'error', persist: mkdtempSync(join(TMP, 'state-')) },
  } as never)
  await worker.ready
  const client = await connect(new URL('/mcp', String(await worker.url)))
  const search = async (query: string) => {
    const t0 = performance.now()
    const answer = (await client.callTool({ name: 'search', arguments: { query } })) as { content: { text: string }[] }
    if (!answer.content[0]?.text.includes('cloudflare.')) throw new Error(`unexpected search answer: ${answer.content[0]?.text.slice(0, 300)}`)
    return performance.now() - t0
  }
  const cold = await search('list DNS records of a zone')
  const warm = await search('purge the cache of a zone')
  await client.close()
  await worker.dispose()
  return { cold, warm }
}

const builds = [...(values.before ? [checkout(values.before)] : []), checkout()]
const rows: string[] = []
const load = [loadavg()[0]]
try {
  for (const build of builds) {
    const generated = Object.fromEntries(Object.entries(SETS).map(([name, specs]) => [name, generateIn(build.dir, specs)]))
    const built = Object.values(generated).map((g) => bundle(build.dir, g))
    const sizes = built.map((b) => b.kib)
    const startup: number[] = []
    const searches: { cold: number; warm: number }[] = []
    for (let i = 0; i < ROUNDS; i++) {
      startup.push(startupMs(build.dir, built[0]?.file as string))
      searches.push(await firstSearchMs(build.dir, generated['Cloudflare alone'] as string))
    }
    const ms = (v: number) => v.toFixed(1)
    rows.push(
      `| ${build.label} | ${sizes.map((s) => s.toFixed(1)).join(' | ')} | ${ms(median(startup))} | ${ms(median(searches.map((s) => s.cold)))} | ${ms(median(searches.map((s) => s.warm)))} |`,
    )
  }
} finally {
  if (values.before) git(['worktree', 'remove', '--force', join(TMP, `before-${values.before}`)])
  rmSync(TMP, { recursive: true, force: true })
}
load.push(loadavg()[0])

const table = [
  `Serving costs, median of ${ROUNDS} rounds, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (1-minute load average ${load.map((l) => l?.toFixed(1)).join(' at start, ')} at end).`,
  'Script: gzip KiB from `wrangler deploy --dry-run`. Startup: active CPU ms in `wrangler check startup` (Cloudflare alone).',
  'First search: ms for the first `search` on a freshly started Worker, through the official MCP client; then a second one.',
  '',
  `| build | script, ${Object.keys(SETS).join(' | script, ')} | startup ms | first search ms | second search ms |`,
  `| --- |${' ---: |'.repeat(Object.keys(SETS).length + 3)}`,
  ...rows,
  '',
].join('\n')
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/serving.md'), table)
console.log(table)
