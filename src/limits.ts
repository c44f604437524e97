// Per-execution limits with safe defaults; each can be set in wrangler.jsonc vars.

export interface Limits {
  timeoutMs: number
  maxCalls: number
  maxWrites: number
  maxResponseBytes: number
  maxResultTokens: number
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 30_000,
  maxCalls: 50,
  maxWrites: 10,
  maxResponseBytes: 16 * 1024 * 1024,
  maxResultTokens: 6_000,
}

const VARS: Record<keyof Limits, string> = {
  timeoutMs: 'EXECUTE_TIMEOUT_MS',
  maxCalls: 'EXECUTE_MAX_CALLS',
  maxWrites: 'EXECUTE_MAX_WRITES',
  maxResponseBytes: 'EXECUTE_MAX_RESPONSE_BYTES',
  maxResultTokens: 'EXECUTE_MAX_RESULT_TOKENS',
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
