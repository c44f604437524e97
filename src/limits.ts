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
  /** The session store (src/session/): bytes of one value's JSON, bytes of all values, keys, and characters of a key. */
  sessionMaxValueBytes: number
  sessionMaxBytes: number
  sessionMaxKeys: number
  sessionMaxKeyChars: number
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 30_000,
  maxCalls: 50,
  maxWrites: 10,
  maxResponseBytes: 16 * 1024 * 1024,
  maxResultTokens: 6_000,
  maxLoopIterations: 10_000_000,
  cpuMs: 30_000,
  // One value stays well under the 2 MB a Durable Object's SQLite row may hold.
  sessionMaxValueBytes: 1024 * 1024,
  sessionMaxBytes: 20 * 1024 * 1024,
  sessionMaxKeys: 1_000,
  sessionMaxKeyChars: 200,
}

const VARS: Record<keyof Limits, string> = {
  timeoutMs: 'EXECUTE_TIMEOUT_MS',
  maxCalls: 'EXECUTE_MAX_CALLS',
  maxWrites: 'EXECUTE_MAX_WRITES',
  maxResponseBytes: 'EXECUTE_MAX_RESPONSE_BYTES',
  maxResultTokens: 'EXECUTE_MAX_RESULT_TOKENS',
  maxLoopIterations: 'EXECUTE_MAX_LOOP_ITERATIONS',
  cpuMs: 'EXECUTE_CPU_MS',
  sessionMaxValueBytes: 'SESSION_MAX_VALUE_BYTES',
  sessionMaxBytes: 'SESSION_MAX_BYTES',
  sessionMaxKeys: 'SESSION_MAX_KEYS',
  sessionMaxKeyChars: 'SESSION_MAX_KEY_CHARS',
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
