// `session` in the model's code where the connection keeps no session store (the stateless route): every call is
// refused with the connection's reason, naming the call, as an outcome over RPC like SessionHost's, never a throw.
import { RpcTarget } from 'cloudflare:workers'
import { showKey } from './check-session-write.ts'
import type { SessionOutcome } from './session-host.ts'

export class NoSessionHost extends RpcTarget {
  #reason: string

  constructor(reason: string) {
    super()
    this.#reason = reason
  }

  async get(key: unknown): Promise<SessionOutcome<never>> {
    return this.#refuse('get', key)
  }

  async set(key: unknown): Promise<SessionOutcome<never>> {
    return this.#refuse('set', key)
  }

  async keys(): Promise<SessionOutcome<never>> {
    return this.#refuse('keys')
  }

  async delete(key: unknown): Promise<SessionOutcome<never>> {
    return this.#refuse('delete', key)
  }

  #refuse(method: string, ...key: unknown[]): SessionOutcome<never> {
    return { ok: false, error: `session.${method}(${key.length ? showKey(key[0]) : ''}): ${this.#reason}` }
  }
}
