// `npm run demo`: the whole loop on this machine, offline. Builds openapi/ (npm run codegen, before this script),
// starts a Prism mock per API, and serves MCP with every API pointed at its mock and a placeholder credential.
// `--tour` then drives it through the official MCP client and stops. Ctrl-C stops everything it started.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../test/support/generate.ts'
import { startServer } from '../test/support/server.ts'
import { startMocks } from './demo/start-mocks.ts'
import { runTour } from './demo/tour.ts'

const { values } = parseArgs({ options: { port: { type: 'string', default: '8787' }, tour: { type: 'boolean', default: false } } })
const MOCK = 'Prism mock data, not the real API'
const say = (line = '') => process.stdout.write(`${line}\n`)

say('Starting a Prism mock for each API in openapi/ (nothing leaves this machine)…')
const mocks = await startMocks(join(ROOT, 'openapi'), join(ROOT, 'generated'))
let server: Awaited<ReturnType<typeof startServer>> | undefined
let stopping: Promise<void> | undefined
const stop = () => {
  stopping ??= (async () => {
    await server?.stop().catch(() => {})
    await mocks.stop()
  })()
  return stopping
}
const quit = () => {
  say('\nStopping the server and the mocks…')
  void stop().then(() => process.exit(0))
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, quit)
// `kill <npm's pid>` reaches npm and its shell but not this process: when the process that leads this one's process
// group (npm, as a terminal starts it) is gone, stop as if signalled.
const leader = processGroupLeader()
if (leader && leader !== process.pid)
  setInterval(() => {
    try {
      process.kill(leader, 0)
    } catch {
      quit()
    }
  }, 1000).unref()

try {
  server = await startServer({
    generated: join(ROOT, 'generated'),
    vars: { API_CONFIG: mocks.apiConfig, MOCK_UPSTREAM: MOCK },
    secrets: mocks.secrets,
    port: Number(values.port),
    logLevel: 'error',
  })
} catch (err) {
  await stop()
  throw err
}

say()
say(`MOCK MODE: every API answers with ${MOCK}; each execute answer's meter says so.`)
for (const { api, url } of mocks.apis) say(`  ${api}.* → Prism at ${url} (placeholder credential)`)
say()
say(`MCP (Streamable HTTP): ${server.mcpUrl.href}`)
say()
if (values.tour) {
  await runTour(server.mcpUrl, say).finally(stop)
  process.exit(0)
}
say('Three things to try:')
say(`  1. npx @modelcontextprotocol/inspector  →  Streamable HTTP, URL ${server.mcpUrl.href}`)
say('  2. search "list DNS records of a zone", then search the exact name it gives for the full signature')
say('  3. execute: async () => (await cloudflare.zonesGet({ per_page: 5 })).result.map((z) => z.name)')
say('Or run the guided tour: npm run demo -- --tour. Ctrl-C stops the server and the mocks.')

/** This process's group id, from /proc on Linux; undefined elsewhere. */
function processGroupLeader(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) || undefined
  } catch {
    return undefined
  }
}
