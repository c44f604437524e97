// `npm run demo` as a user runs it: the command from the README, offline, then Ctrl-C. The demo's own process group
// (npm, tsx, Node, workerd, Prism) must be gone afterwards. The tour's output is compared with a golden file once
// ports and timings are masked (update it with `npx vitest run -u test/e2e/demo.test.ts`).
import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/generate.ts'
import { callTool, connect } from '../support/server.ts'

const running: ChildProcess[] = []
afterAll(() => {
  for (const child of running) if (processesIn(child.pid!).length) process.kill(-child.pid!, 'SIGKILL')
})

/** `npm run demo -- …` in its own process group, as a terminal starts it; resolves with its output so far once `until` shows. */
function startDemo(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('npm', ['run', 'demo', '--', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } })
  running.push(child)
  let out = ''
  child.stdout!.on('data', (d) => {
    out += d
  })
  child.stderr!.on('data', (d) => {
    out += d
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

async function waitFor(output: () => string, pattern: RegExp, exited: Promise<unknown>, ms = 240_000): Promise<RegExpMatchArray> {
  let done = false
  void exited.then(() => {
    done = true
  })
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const m = output().match(pattern)
    if (m) return m
    if (done) break
  }
  throw new Error(`the demo never printed ${pattern}:\n${output().slice(-3000)}`)
}

/** Processes still in a process group (Linux /proc). */
function processesIn(group: number): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === group && fields[0] !== 'Z') found.push(`${pid} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`)
    } catch {
      // the process ended while we looked
    }
  }
  return found
}

/** Waits up to 20 s for a process group to empty, then asserts it did. */
async function gone(group: number): Promise<void> {
  for (let i = 0; i < 80 && processesIn(group).length; i++) await new Promise((r) => setTimeout(r, 250))
  expect(processesIn(group)).toEqual([])
}

describe('npm run demo', () => {
  it('serves MCP over Prism mocks, answers an execute with mock data marked as such, and leaves nothing running after Ctrl-C', async () => {
    const demo = startDemo(['--port', '0'])
    const [, url] = await waitFor(demo.output, /MCP \(Streamable HTTP\): (\S+)/, demo.exited)
    expect(demo.output()).toContain('MOCK MODE: every API answers with Prism mock data, not the real API')
    expect(demo.output()).toContain('Three things to try:')
    const client = await connect(new URL(url!))
    const { text, isError } = await callTool(client, 'execute', { code: 'async () => (await cloudflare.zonesGet({ per_page: 5 })).result.map((z) => z.name)' })
    expect(isError).toBe(false)
    expect(JSON.parse(text)).toEqual({ result: ['example.com'], meter: { tokens: expect.any(Number), apiCalls: 1, upstream: 'mock: Prism mock data, not the real API' } })
    await client.close()
    const group = demo.child.pid!
    expect(processesIn(group).some((p) => /workerd/.test(p))).toBe(true)
    // Ctrl-C: the terminal signals the whole foreground process group.
    process.kill(-group, 'SIGINT')
    await demo.exited
    await gone(group)
    expect(demo.output()).toContain('Stopping the server and the mocks…')
  }, 300_000)

  it('stops the server and the mocks when npm alone is killed, which does not pass the signal on', async () => {
    const demo = startDemo(['--port', '0'])
    await waitFor(demo.output, /MCP \(Streamable HTTP\): (\S+)/, demo.exited)
    const group = demo.child.pid!
    process.kill(group, 'SIGTERM')
    await gone(group)
  }, 300_000)

  it('tours tools/list, a search, an exact lookup and a two-call execute, as in the golden file', async () => {
    const demo = startDemo(['--tour', '--port', '0'])
    expect(await demo.exited).toBe(0)
    const tour = demo.output().slice(demo.output().indexOf('Starting a Prism mock'))
    const masked = tour.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').replace(/\d+ ms\b/g, 'N ms')
    await expect(masked).toMatchFileSnapshot('__golden__/demo-tour.txt')
    // The bundler's service process may take a moment to follow its parent out.
    await gone(demo.child.pid!)
  }, 300_000)
})
