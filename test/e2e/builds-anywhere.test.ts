// The project starts from any folder: a checkout under a folder named `sandbox` (say ~/sandbox/app) once failed,
// because a `rules` glob of **\/sandbox/*.js also matched wrangler's own injected
// node_modules/wrangler/templates/modules-watch-stub.js ("cannot be marked as external"). wrangler matches a rule
// against the import specifier, which for injected files is an absolute path.
import { type ChildProcess, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generate, ROOT } from '../support/generate.ts'
import { PETSTORE_SPEC } from '../support/petstore.ts'

const PROJECT_FILES = ['src', 'sandbox', 'wrangler.jsonc', 'package.json', 'tsconfig.json']
/** wrangler dev is ready in about 3 s here; it never exits on a build error, so the output is watched for both. */
const START_TIMEOUT_MS = 90_000

const temp = mkdtempSync(join(tmpdir(), 'codemode-anywhere-'))
let dev: ChildProcess | undefined

afterAll(() => {
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM')
  rmSync(temp, { recursive: true, force: true })
})

/** A copy of the project at <temp>/sandbox/app, its node_modules linked, serving the petstore API. */
function copyUnderSandbox(): string {
  const app = join(temp, 'sandbox', 'app')
  mkdirSync(app, { recursive: true })
  for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(app, file), { recursive: true })
  cpSync(generate([PETSTORE_SPEC]), join(app, 'generated'), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'))
  return app
}

/** Runs `wrangler dev` in `app` until it says where it is ready, or fails the build. */
function startDev(app: string): Promise<{ url?: string; output: string }> {
  // Node keeps the symlinked path (as in a real checkout's own node_modules), so wrangler's templates sit under
  // <temp>/sandbox/app/node_modules: the path that the old glob matched.
  const env = { ...process.env, NODE_OPTIONS: '--preserve-symlinks --preserve-symlinks-main', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' }
  const args = [join(app, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--local', '--ip', '127.0.0.1', '--port', '0', '--inspector-port', '0']
  dev = spawn(process.execPath, args, { cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve) => {
    let output = ''
    const timer = setTimeout(() => resolve({ output: `${output}\n(not ready within ${START_TIMEOUT_MS} ms)` }), START_TIMEOUT_MS)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const ready = output.match(/Ready on (http:\/\/[\d.:]+)/)
      if (ready || /Build failed/.test(output)) {
        clearTimeout(timer)
        resolve({ url: ready?.[1], output })
      }
    }
    dev?.stdout?.on('data', read)
    dev?.stderr?.on('data', read)
  })
}

describe('a checkout under a folder named sandbox', () => {
  it('starts with wrangler dev and serves the API list', async () => {
    const app = copyUnderSandbox()
    const { url, output } = await startDev(app)
    expect(output).not.toContain('cannot be marked as external')
    expect(url, output.slice(-2000)).toBeDefined()
    const index = await fetch(new URL('/', url))
    expect(await index.json()).toEqual({ name: 'codemode-openapi-mcp', mcp: '/mcp', apis: ['petstore'] })
  })
})
