// `npm run bench:codegen [-- --rounds 3 --corpus]`: wall time and peak RSS of the whole codegen per spec, next to
// openapi-typescript's own CLI on the same spec in the same run (the baseline), for the three-API server, for a
// synthetic 10,000-operation spec, and the compressed Worker bundle from `wrangler deploy --dry-run`.
// Writes bench/results/codegen.md.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT, SHARED_SPECS } from '../test/support/generate.ts'
import { median } from './percentile.ts'
import { synthSpec } from './synth-spec.ts'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, corpus: { type: 'boolean', default: false } } })
const ROUNDS = Number(values.rounds)
const TMP = mkdtempSync(join(tmpdir(), 'bench-codegen-'))
// Every Node process of a run (tsx starts a child) reports its peak RSS on exit; the run's peak is the largest.
const RSS_HOOK = join(TMP, 'rss.mjs')
writeFileSync(RSS_HOOK, "process.on('exit', () => process.stderr.write('\\nPEAK_RSS_KB ' + process.resourceUsage().maxRSS + '\\n'))\n")

interface Run {
  ms: number
  rssMb: number
  ok: boolean
  output: string
}

/** Runs a Node script to completion and measures it; never throws. */
function measure(args: string[]): Run {
  const t0 = performance.now()
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NODE_OPTIONS: `--import=${RSS_HOOK}` } })
  const ms = performance.now() - t0
  const peaks = [...run.stderr.matchAll(/PEAK_RSS_KB (\d+)/g)].map((m) => Number(m[1]))
  return { ms, rssMb: Math.max(0, ...peaks) / 1024, ok: run.status === 0, output: `${run.stdout}${run.stderr.replace(/\n?PEAK_RSS_KB \d+\n/g, '')}` }
}

// As `npm run codegen` runs it (through tsx), and with Node 22's own type stripping, which skips tsx's child process.
const codegen = (specs: string, out: string) => measure([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'codegen/index.ts'), '--specs', specs, '--out', out])
const codegenNode = (specs: string, out: string) => measure([join(ROOT, 'codegen/index.ts'), '--specs', specs, '--out', out])
const openapiTs = (spec: string, out: string) => measure([join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), spec, '-o', out])

/** Copies specs into a fresh folder (the file name is the namespace) and returns it. */
function specDir(name: string, files: string[]): string {
  const dir = join(TMP, name, 'openapi')
  mkdirSync(dir, { recursive: true })
  for (const f of files) copyFileSync(f, join(dir, basename(f)))
  return dir
}

interface Row {
  label: string
  ops: string
  codegen?: { ms: number; rssMb: number }
  node?: { ms: number; rssMb: number }
  baseline?: { ms: number; rssMb: number }
  note: string
}

/** Codegen and, when `baselineSpec` is given, openapi-typescript, alternating over the rounds. */
function benchSpecs(label: string, files: string[], baselineSpec?: string): Row {
  const dir = specDir(label, files)
  const ours: Run[] = []
  const plain: Run[] = []
  const theirs: Run[] = []
  for (let i = 0; i < ROUNDS; i++) {
    ours.push(codegen(dir, join(TMP, label, `generated-${i}`)))
    plain.push(codegenNode(dir, join(TMP, label, `generated-node-${i}`)))
    if (baselineSpec) theirs.push(openapiTs(baselineSpec, join(TMP, label, `ots-${i}.ts`)))
    if (!ours.at(-1)?.ok) break
  }
  const failed = ours.find((r) => !r.ok)
  const ops = failed ? '' : String([...(ours[0]?.output.matchAll(/: (\d+) operations/g) ?? [])].reduce((n, m) => n + Number(m[1]), 0))
  const row: Row = { label, ops, note: '' }
  if (failed) row.note = `codegen failed: ${failed.output.trim().split('\n').slice(0, 2).join(' ').slice(0, 160)}`
  else row.codegen = { ms: median(ours.map((r) => r.ms)), rssMb: Math.max(...ours.map((r) => r.rssMb)) }
  if (!failed && plain.every((r) => r.ok)) row.node = { ms: median(plain.map((r) => r.ms)), rssMb: Math.max(...plain.map((r) => r.rssMb)) }
  const theirsOk = theirs.filter((r) => r.ok)
  if (theirsOk.length) row.baseline = { ms: median(theirsOk.map((r) => r.ms)), rssMb: Math.max(...theirsOk.map((r) => r.rssMb)) }
  else if (baselineSpec)
    row.note ||= `openapi-typescript failed: ${
      theirs[0]?.output
        .trim()
        .split('\n')
        .find((l) => /error|unsupported/i.test(l))
        ?.slice(0, 120) ?? 'see its output'
    }`
  return row
}

/** The compressed size wrangler reports for the Worker built with the given artifacts. */
function bundleSize(generated: string): string {
  const outdir = join(TMP, `dist-${basename(generated)}-${Math.random().toString(36).slice(2, 8)}`)
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/wrangler/bin/wrangler.js'),
      'deploy',
      '--dry-run',
      '--outdir',
      outdir,
      '--alias',
      `@generated/apis:${join(generated, 'apis.ts')}`,
      '--assets',
      join(generated, 'assets'),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    },
  )
  const total = /Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/.exec(`${run.stdout}${run.stderr}`)
  return total ? `${total[1]} raw, ${total[2]} gzip` : `wrangler failed: ${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-3).join(' ').slice(0, 200)}`
}

const shared = (f: string) => join(SHARED_SPECS, f)
mkdirSync(join(TMP, 'synth-src'))
const synthFile = join(TMP, 'synth-src', 'synth10k.json')
writeFileSync(synthFile, JSON.stringify(synthSpec(10_000)))
const rows: Row[] = []
for (const f of ['cloudflare.json', 'github.yaml', 'stripe.yaml', 'petstore.yaml']) rows.push(benchSpecs(f, [shared(f)], shared(f)))
rows.push(benchSpecs('synth10k.json', [synthFile], synthFile))
rows.push(benchSpecs('cloudflare + github + stripe', ['cloudflare.json', 'github.yaml', 'stripe.yaml'].map(shared)))
if (values.corpus) {
  const corpus = join(SHARED_SPECS, 'corpus')
  for (const f of readdirSync(corpus)
    .filter((n) => /\.(json|ya?ml)$/.test(n))
    .sort())
    rows.push(benchSpecs(`corpus/${f}`, [join(corpus, f)], join(corpus, f)))
}

const bundles = [
  ['cloudflare (default API)', join(TMP, 'cloudflare.json', 'generated-0')],
  ['cloudflare + github + stripe', join(TMP, 'cloudflare + github + stripe', 'generated-0')],
].map(([label, dir]) => `| ${label} | ${bundleSize(dir as string)} |`)

const cell = (x?: { ms: number; rssMb: number }) => (x ? `${(x.ms / 1000).toFixed(2)} | ${Math.round(x.rssMb)}` : '– | –')
const ratio = (ours: Row['codegen'], r: Row) => (ours && r.baseline ? `${(ours.ms / r.baseline.ms).toFixed(2)}x` : '–')
const table = [
  `Codegen, median of ${ROUNDS} round(s), on ${cpus().length} cores (load average ${loadavg()[0]?.toFixed(1)} at the end). Baseline: the openapi-typescript CLI alone on the same spec, same run.`,
  '',
  'Codegen runs as `npm run codegen` does (tsx), and with plain `node codegen/index.ts` (Node 22 type stripping).',
  '',
  '| spec | operations | codegen s | peak RSS MB | plain node s | peak RSS MB | openapi-typescript s | peak RSS MB | ratio | ratio, plain node | note |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map((r) => `| ${r.label} | ${r.ops} | ${cell(r.codegen)} | ${cell(r.node)} | ${cell(r.baseline)} | ${ratio(r.codegen, r)} | ${ratio(r.node, r)} | ${r.note} |`),
  '',
  'Worker bundle, `wrangler deploy --dry-run`:',
  '',
  '| server | size |',
  '| --- | --- |',
  ...bundles,
].join('\n')
console.log(table)
mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
writeFileSync(join(ROOT, 'bench/results/codegen.md'), `${table}\n`)
