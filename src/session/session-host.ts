// SessionHost: the sandbox's way to the session store (`session.get/set/keys/delete`), passed to it over RPC beside
// ApiHost. It never throws across RPC: each call resolves to an outcome. Bytes read from the store are spent from the
// execution's byte budget, the one upstream responses spend, so the store is no way around EXECUTE_MAX_RESPONSE_BYTES.
import { RpcTarget } from 'cloudflare:workers'
import { showKey } from './check-session-write.ts'
import type { SessionStoreLike, StoreResult } from './session-store.ts'

/** A store call's outcome as the sandbox gets it: the store's own result type. */
export type SessionOutcome<T> = StoreResult<T>

/** The execution's byte budget, shared with ApiHost: `used.bytes` grows with every response and every store read. */
export interface ByteBudget {
  used: { bytes: number }
  limit: number
}

export class SessionHost extends RpcTarget {
  #store: SessionStoreLike
  #budget: ByteBudget
  #ended: AbortSignal | undefined
  #dryRun: boolean

  /** `dryRun`: set and delete are checked as usual and change nothing, so reads see the session as it was. */
  constructor(store: SessionStoreLike, budget: ByteBudget, options: { ended?: AbortSignal; dryRun?: boolean } = {}) {
    super()
    this.#store = store
    this.#budget = budget
    this.#ended = options.ended
    this.#dryRun = options.dryRun === true
  }

  /** The JSON text under `key` (null when none), counted against the execution's byte budget. */
  async get(key: unknown): Promise<SessionOutcome<string | null>> {
    return this.#guard('get', key, async () => {
      const read = await this.#store.get(key)
      if (!read.ok) return read
      const { used, limit } = this.#budget
      if (used.bytes + read.value.bytes > limit)
        return {
          ok: false,
          error: `session.get(${showKey(key)}): reading its ${read.value.bytes.toLocaleString('en-US')} bytes would pass this execution's budget of ${limit.toLocaleString('en-US')} bytes read (responses and session reads, EXECUTE_MAX_RESPONSE_BYTES); read it in another execute`,
        }
      used.bytes += read.value.bytes
      return { ok: true, value: read.value.json }
    })
  }

  async set(key: unknown, json: unknown): Promise<SessionOutcome<null>> {
    return this.#guard('set', key, () => this.#store.set(key, json, this.#dryRun))
  }

  async keys(): Promise<SessionOutcome<string[]>> {
    return this.#guard('keys', undefined, async () => {
      const keys = await this.#store.keys()
      return Array.isArray(keys) ? { ok: true, value: keys } : keys
    })
  }

  async delete(key: unknown): Promise<SessionOutcome<boolean>> {
    return this.#guard('delete', key, () => this.#store.delete(key, this.#dryRun))
  }

  /** Runs one store call unless the execution is over; a storage failure becomes an outcome, never a throw. */
  async #guard<T>(method: string, key: unknown, fn: () => StoreResult<T> | Promise<StoreResult<T>>): Promise<SessionOutcome<T>> {
    const label = `session.${method}(${key === undefined ? '' : showKey(key)})`
    if (this.#ended?.aborted) return { ok: false, error: `${label}: the execution ended, so the session store was not used` }
    try {
      return await fn()
    } catch (err) {
      console.error('SessionHost failed', err)
      return { ok: false, error: `${label}: the session store failed (${(err as Error).message}); try again` }
    }
  }
}
