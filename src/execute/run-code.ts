// The host side of one execute: prepare the code, load a fresh Dynamic Worker with no network and no env, hand
// it an ApiHost over RPC, and wait for the result within the wall-time limit.
import runtimeSource from '../../sandbox/runtime.js'
import sessionSource from '../../sandbox/session-proxy.js'
import type { Access } from '../access/resolve-access.ts'
import { apiNames, catalog, loadArtifacts } from '../catalog.ts'
import { ApiHost, type ApiHostOptions, type ApproveWrite, type ExecutionLimits } from '../host/api-host.ts'
import { NoSessionHost } from '../session/no-session-host.ts'
import { SessionHost } from '../session/session-host.ts'
import type { SessionStoreLike } from '../session/session-store.ts'
import { checkCalls } from './check-calls.ts'
import { prepareCode } from './prepare-code.ts'
import type { RunCodeResult } from './run-code-result.ts'
import { walkAst } from './walk-ast.ts'

export interface RunCodeOptions extends ExecutionLimits {
  timeoutMs: number
  maxLoopIterations: number
  cpuMs: number
  approve?: ApproveWrite
  /** Who signed in (their id at the identity provider), for the audit line. */
  user?: string
  access?: Access
  upstream?: ApiHostOptions['upstream']
  dryRun?: boolean
  /** The session's store, `session` in the model's code; without it, every session call says there is none. */
  store?: SessionStoreLike
  /** See ApiHostOptions.admitted: no call is sent until it resolves true. */
  admitted?: Promise<boolean>
  /** Without a store: why, said by every session call (the stateless route names itself and /mcp). */
  noStore?: string
}

interface SandboxResult {
  ok: boolean
  json?: string
  logs: string[]
  undefinedPaths?: unknown
  error?: { name: string; message: string; line?: number; column?: number }
}

interface SandboxEntrypoint {
  run(host: ApiHost, apis: string[], limits: { maxLoopIterations: number }, store: SessionHost | NoSessionHost | null): Promise<SandboxResult>
}

export async function runCode(env: Env, code: string, options: RunCodeOptions): Promise<RunCodeResult> {
  const apis = apiNames()
  const prepared = await prepareCode(code, apis)
  if (!prepared.ok) return { ok: false, error: prepared.error, logs: [], calls: 0 }
  await loadArtifacts(apisNamed(prepared.ast, prepared.prefixLength, apis))
  const problems = checkCalls(prepared.ast, prepared.prefixLength, apis, catalog)
  if (problems.length) return { ok: false, error: `${NOT_RUN}\n${problems.join('\n')}`, logs: [], calls: 0 }
  // Aborted when this execution is over, so a call still waiting (on an approval, say) is never sent after it.
  const ended = new AbortController()
  const used = { calls: 0, writes: 0, bytes: 0 }
  const store = options.store
    ? new SessionHost(options.store, { used, limit: options.maxResponseBytes }, { ended: ended.signal, dryRun: options.dryRun })
    : options.noStore
      ? new NoSessionHost(options.noStore)
      : null
  const host = new ApiHost(env as unknown as Record<string, unknown>, options, {
    approve: options.approve,
    ended: ended.signal,
    user: options.user,
    access: options.access,
    upstream: options.upstream,
    dryRun: options.dryRun,
    used,
    admitted: options.admitted,
  })
  const worker = env.LOADER.load({
    compatibilityDate: '2026-08-22',
    mainModule: 'runtime.js',
    modules: { 'runtime.js': runtimeSource, 'session-proxy.js': sessionSource, 'user.js': prepared.module },
    globalOutbound: null,
    env: {},
    limits: { cpuMs: options.cpuMs },
  })
  const entry = worker.getEntrypoint() as unknown as SandboxEntrypoint
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs)
  })
  try {
    // A session found not open ends the run: everything it would do is refused, and its answer is a 404.
    const refused = options.admitted?.then((ok) => (ok ? new Promise<never>(() => {}) : ('refused' as const)))
    const out = await Promise.race([entry.run(host, apis, { maxLoopIterations: options.maxLoopIterations }, store), timeout, ...(refused ? [refused] : [])])
    if (out === 'refused') return { ok: false, error: 'Not run: this session is not open.', logs: [], calls: host.usage.calls }
    const calls = host.usage.calls
    const planned = options.dryRun ? { planned: host.planned } : {}
    if (out === 'timeout')
      return {
        ok: false,
        error: `Execution timed out after ${options.timeoutMs} ms (wall-time limit). Make fewer or smaller calls, or split the work across several execute calls.`,
        logs: [],
        calls,
        ...planned,
      }
    if (out.ok) return { ok: true, json: out.json ?? 'null', logs: out.logs, calls, undefinedPaths: paths(out.undefinedPaths), ...planned }
    const e = out.error
    const where = e?.line && e.name !== 'LimitError' ? ` at line ${e.line}` : ''
    const name = e?.name && !OWN_ERRORS.has(e.name) ? `${e.name}: ` : ''
    return { ok: false, error: `${name}${e?.message ?? 'unknown error'}${where}`, logs: out.logs, calls, ...planned }
  } catch (err) {
    return { ok: false, error: `The sandbox failed: ${(err as Error).message}`, logs: [], calls: host.usage.calls }
  } finally {
    ended.abort(new Error('the execution ended'))
    host.releaseAudit()
    if (timer !== undefined) clearTimeout(timer)
    dispose(entry)
    dispose(worker)
    dispose(store)
  }
}

/** The sandbox's own errors, whose messages already name the call: shown without their class name. */
const OWN_ERRORS = new Set(['ApiCallError', 'LimitError', 'SessionError'])

const NOT_RUN = 'Not run: checked before running, nothing was sent. Fix these and call execute again:'

/** The sandbox's report of undefined fields, held to the shape and size it promises: it runs the model's code. */
function paths(reported: unknown): string[] {
  return Array.isArray(reported) ? reported.filter((p): p is string => typeof p === 'string' && p.length <= 200).slice(0, 5) : []
}

/** Releases a stub's native handle now rather than at garbage collection. */
function dispose(stub: unknown): void {
  try {
    ;(stub as { [Symbol.dispose]?: () => void })[Symbol.dispose]?.()
  } catch {
    // already gone
  }
}

/** The APIs the model's code names: identifiers after the wrapper's prefix, as acorn reads them (escapes decoded). */
function apisNamed(ast: unknown, prefixLength: number, apis: string[]): string[] {
  const named = new Set<string>()
  walkAst(ast, (node) => {
    if (node.type === 'Identifier' && node.start >= prefixLength && apis.includes(node.name as string)) named.add(node.name as string)
  })
  return [...named]
}
