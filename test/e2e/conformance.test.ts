// The official MCP conformance suite (@modelcontextprotocol/conformance, active server scenarios) against the real
// Worker, at /mcp and at /mcp/stateless. Only scenarios that need the suite's own fixture tools, resources and
// prompts may fail, and at the stateless route those that need a session; they are listed, each with its reason,
// in conformance-expected-failures.yaml.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { ROOT } from '../support/generate.ts'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'

const CONFORMANCE_BIN = join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js')
const BASELINE = parse(readFileSync(join(import.meta.dirname, 'conformance-expected-failures.yaml'), 'utf8')) as { server: string[]; stateless: string[] }
/** The whole suite takes about 6 s here; a scenario that hangs is killed and reported, not waited on forever. */
const SUITE_TIMEOUT_MS = 150_000

interface Check {
  id: string
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | string
  errorMessage?: string
}

interface SuiteRun {
  code: number
  output: string
  /** Checks per scenario, read from the suite's `-o` output (one `server-<scenario>-<time>/checks.json` each). */
  results: Map<string, Check[]>
}

const ROUTES = [
  { route: '/mcp', expected: BASELINE.server },
  { route: '/mcp/stateless', expected: [...BASELINE.server, ...BASELINE.stateless] },
]

let stack: PetstoreStack
const runs = new Map<string, SuiteRun>()

/** Runs the suite against `url` with `expected` as its baseline. */
async function runSuite(url: URL, expected: string[]): Promise<SuiteRun> {
  const outDir = mkdtempSync(join(tmpdir(), 'conformance-'))
  const baseline = join(outDir, 'expected-failures.yaml')
  writeFileSync(baseline, stringify({ server: expected }))
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    const args = [CONFORMANCE_BIN, 'server', '--url', url.href, '--expected-failures', baseline, '-o', outDir]
    execFile(process.execPath, args, { cwd: ROOT, timeout: SUITE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, output: `${stdout}${stderr}` })
    })
  })
  const results = new Map<string, Check[]>()
  for (const dir of readdirSync(outDir).filter((d) => d.startsWith('server-'))) {
    const scenario = dir.replace(/^server-/, '').replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '')
    const file = join(outDir, dir, 'checks.json')
    const unfinished: Check[] = [{ id: scenario, status: 'FAILURE', errorMessage: `did not finish within ${SUITE_TIMEOUT_MS} ms` }]
    results.set(scenario, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Check[]) : unfinished)
  }
  return { code, output, results }
}

beforeAll(async () => {
  stack = await startPetstore()
  // One after the other: the machine is small, and each run counts on its own timing.
  for (const { route, expected } of ROUTES) runs.set(route, await runSuite(new URL(route, stack.server.url), expected))
}, 400_000)

afterAll(async () => {
  await stack?.stop()
})

const failing = (checks: Check[]) => checks.filter((c) => c.status !== 'SUCCESS')

describe.each(ROUTES)('MCP conformance suite at $route', ({ route, expected }) => {
  const run = () => runs.get(route)!

  it('runs every active server scenario', () => {
    expect(run().results.size, run().output.slice(-3000)).toBeGreaterThanOrEqual(30)
    for (const scenario of [...expected, 'server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection']) {
      expect(run().results.has(scenario), `${scenario} did not run`).toBe(true)
    }
  })

  it('passes every scenario that does not need the suite fixtures (or, statelessly, a session)', () => {
    const unexpected = [...run().results]
      .filter(([scenario, checks]) => !expected.includes(scenario) && failing(checks).length > 0)
      .map(
        ([scenario, checks]) =>
          `${scenario}: ${failing(checks)
            .map((c) => `${c.id} ${c.status} ${c.errorMessage ?? ''}`)
            .join('; ')}`,
      )
    expect(unexpected).toEqual([])
  })

  it('fails only the listed scenarios, so the baseline is not stale', () => {
    const stale = expected.filter((scenario) => failing(run().results.get(scenario) ?? []).length === 0)
    expect(stale).toEqual([])
  })

  it('rejects a foreign Host and Origin and accepts loopback (dns-rebinding-protection)', () => {
    const checks = run().results.get('dns-rebinding-protection') ?? []
    expect(checks.map((c) => [c.id, c.status, c.errorMessage])).toEqual([
      ['localhost-host-rebinding-rejected', 'SUCCESS', undefined],
      ['localhost-host-valid-accepted', 'SUCCESS', undefined],
    ])
  })

  it('exits 0 with the baseline: no unexpected failures and no stale entries', () => {
    expect(run().code, run().output.slice(run().output.indexOf('=== SUMMARY ==='))).toBe(0)
    expect(run().output).toContain('Baseline check passed: all failures are expected.')
  })
})
