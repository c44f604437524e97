// The session store of a tool call the Worker runs itself (src/session/direct-tool-calls.ts): each operation goes to
// the session's Durable Object over RPC (CodeModeAgent._storeOp), where the store lives in its SQLite. None is sent
// before the session was found open to this request's user, nor at all when it was not.
import { showKey } from './check-session-write.ts'
import type { SessionStoreLike, StoreResult } from './store-result.ts'

export type StoreOp =
  | { op: 'get'; key: unknown }
  | { op: 'set'; key: unknown; json: unknown; dryRun?: boolean }
  | { op: 'delete'; key: unknown; dryRun?: boolean }
  | { op: 'keys' }
  | { op: 'keep'; json: string }

export interface StoresSession {
  /** undefined once the session has ended. */
  _storeOp(op: StoreOp): Promise<StoreResult<unknown> | undefined>
}

const NOT_OPEN = "this session is not open (unknown, ended, or another user's), so its store was not used"
const ENDED = 'this session has ended, so its store is gone; start a new session'
const UNREACHABLE = "the session's store could not be reached; if the session has ended, start a new one"

export class RemoteSessionStore implements SessionStoreLike {
  readonly #object: StoresSession
  readonly #admitted: Promise<boolean>
  readonly #ended: () => void

  /** `ended`: told when the object answers that the session has ended (or was destroyed with it). */
  constructor(object: StoresSession, admitted: Promise<boolean>, ended: () => void = () => {}) {
    this.#object = object
    this.#admitted = admitted
    this.#ended = ended
  }

  get(key: unknown) {
    return this.#send<{ json: string | null; bytes: number }>({ op: 'get', key }, `session.get(${showKey(key)}): `)
  }

  set(key: unknown, json: unknown, dryRun = false) {
    return this.#send<null>({ op: 'set', key, json, dryRun }, `session.set(${showKey(key)}): `)
  }

  delete(key: unknown, dryRun = false) {
    return this.#send<boolean>({ op: 'delete', key, dryRun }, `session.delete(${showKey(key)}): `)
  }

  keep(json: string) {
    return this.#send<string>({ op: 'keep', json })
  }

  keys() {
    return this.#send<string[]>({ op: 'keys' }, 'session.keys(): ')
  }

  /** `label` names the model's call in a refusal, as SessionStore's own refusals do. */
  async #send<T>(op: StoreOp, label = ''): Promise<StoreResult<T>> {
    if (!(await this.#admitted)) return { ok: false, error: `${label}${NOT_OPEN}` }
    let done: StoreResult<unknown> | undefined
    try {
      done = await this.#object._storeOp(op)
    } catch (err) {
      // An object its session's DELETE destroyed refuses every call from then on ("destroyed").
      console.error('session store call failed', err)
      this.#ended()
      return { ok: false, error: `${label}${UNREACHABLE}` }
    }
    if (!done) this.#ended()
    return (done ?? { ok: false, error: `${label}${ENDED}` }) as StoreResult<T>
  }
}
