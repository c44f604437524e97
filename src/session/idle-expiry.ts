// Bounded session storage: a session's Durable Object deletes itself once no request has reached it for the idle
// time (SESSION_IDLE_SECONDS, default 24 h). Most MCP clients never send the DELETE that ends a session, and storage
// is billed per GB-month for as long as it exists.
//
// The deadline is one schedule of agents' own scheduler (one SQLite row and the object's single alarm, shared with
// agents' other schedules through its Lifecycle queue), not a raw setAlarm that would overwrite theirs. Activity
// moves the deadline forward only when it falls short of now + idle time, to now + idle time + slack: a busy session
// writes one row per slack (a tenth of the idle time, at least a second), not one per request.

/** Default idle time before a session's storage is deleted: 24 h. */
export const DEFAULT_SESSION_IDLE_SECONDS = 86_400

/** The part of agents' Agent scheduling API this uses (`time` is Unix seconds). */
export interface Scheduling {
  schedule(when: Date, callback: string, payload?: unknown, options?: { idempotent?: boolean }): Promise<{ id: string; time: number }>
  getSchedules(): { id: string; callback: string; time: number }[]
  cancelSchedule(id: string): Promise<boolean>
}

/** SESSION_IDLE_SECONDS as milliseconds; a value that is not a positive number is reported and the default used. */
export function sessionIdleMs(value: unknown): number {
  if (value === undefined || value === '') return DEFAULT_SESSION_IDLE_SECONDS * 1000
  const seconds = typeof value === 'number' ? value : Number(value)
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000
  console.error(
    `SESSION_IDLE_SECONDS must be a positive number of seconds; got ${JSON.stringify(value)}. Using ${DEFAULT_SESSION_IDLE_SECONDS}. Fix it under "vars" in wrangler.jsonc.`,
  )
  return DEFAULT_SESSION_IDLE_SECONDS * 1000
}

/** Keeps one schedule of `callback` at least the idle time after the latest activity. */
export class IdleExpiry {
  readonly #agent: Scheduling
  readonly #callback: string
  readonly #idleMs: () => number
  /** The armed deadline (ms) as far as this isolate knows; undefined until read from the schedule table. */
  #deadlineMs: number | undefined

  constructor(agent: Scheduling, callback: string, idleMs: () => number) {
    this.#agent = agent
    this.#callback = callback
    this.#idleMs = idleMs
  }

  /** Records activity now: moves the deadline to at least now + idle time. */
  async touch(nowMs = Date.now()): Promise<void> {
    const idleMs = this.#idleMs()
    if (this.#deadlineMs !== undefined && this.#deadlineMs >= nowMs + idleMs) return
    const armed = this.#agent.getSchedules().filter((s) => s.callback === this.#callback)
    // Schedule times are whole seconds, rounded down: compare what will actually fire.
    const current = armed.length === 1 && armed[0] ? armed[0].time * 1000 : undefined
    if (current !== undefined && current >= nowMs + idleMs) {
      this.#deadlineMs = current
      return
    }
    const slackMs = Math.max(1000, idleMs / 10)
    // idempotent: true only quiets agents' warning about scheduling at startup; no schedule of ours matches the new one.
    const next = await this.#agent.schedule(new Date(nowMs + idleMs + slackMs), this.#callback, undefined, { idempotent: current === undefined && !armed.length })
    for (const old of armed) await this.#agent.cancelSchedule(old.id)
    this.#deadlineMs = next.time * 1000
  }

  /** On wake: makes sure a deadline exists (a session woken without a request still ends). */
  async ensureArmed(nowMs = Date.now()): Promise<void> {
    if (this.#deadlineMs !== undefined) return
    const armed = this.#agent.getSchedules().filter((s) => s.callback === this.#callback)
    if (armed.length) this.#deadlineMs = Math.max(...armed.map((s) => s.time * 1000))
    else await this.touch(nowMs)
  }
}
