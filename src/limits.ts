// Per-execution limits with safe defaults; each can be set in wrangler.jsonc vars.

export interface Limits {
  timeoutMs: number
  maxCalls: number
  maxWrites: number
  maxResponseBytes: number
  maxResultTokens: number
  /** Total loop iterations and function calls before model code is stopped: the local stand-in for a CPU limit. */
  maxLoopIterations: number
  /** CPU limit for the Dynamic Worker, enforced in production (local workerd ignores it). */
  cpuMs: number
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 30_000,
  maxCalls: 50,
  maxWrites: 10,
  maxResponseBytes: 16 * 1024 * 1024,
  maxResultTokens: 6_000,
  maxLoopIterations: 10_000_000,
  cpuMs: 30_000,
}

const VARS: Record<keyof Limits, string> = {
  timeoutMs: 'EXECUTE_TIMEOUT_MS',
  maxCalls: 'EXECUTE_MAX_CALLS',
  maxWrites: 'EXECUTE_MAX_WRITES',
  maxResponseBytes: 'EXECUTE_MAX_RESPONSE_BYTES',
  maxResultTokens: 'EXECUTE_MAX_RESULT_TOKENS',
  maxLoopIterations: 'EXECUTE_MAX_LOOP_ITERATIONS',
  cpuMs: 'EXECUTE_CPU_MS',
}

export function resolveLimits(env: unknown): Limits {
  const vars = env as Record<string, unknown>
  const out = { ...DEFAULT_LIMITS }
  for (const key of Object.keys(VARS) as (keyof Limits)[]) {
    const raw = vars[VARS[key]]
    if (raw === undefined || raw === '') continue
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${VARS[key]} must be a positive number; got ${JSON.stringify(raw)}. Fix it in wrangler.jsonc vars.`)
    out[key] = n
  }
  return out
}
