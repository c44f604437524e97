// The sessions this isolate has lately seen open, and to whom. A tools/call on one of them starts without waiting for
// its Durable Object to say so again: that round trip was the largest part of a warm call left above the stateless
// route. What may be trusted, and for how long:
// - an entry is keyed by session and user, so another user's token never finds it (the object's own check, which
//   then answers 404, is what they get);
// - it is trusted for a window of at most a minute (a tenth of the idle time, when that is shorter), and re-checked in
//   the background in the second half of the window, which also keeps the session's idle expiry moving; a call after
//   the window waits for the check, as a first call does;
// - a DELETE through this isolate forgets the session at once. One through another isolate is seen here within the
//   window: until then calls are answered, but its store is gone (the object refuses every store call of an ended
//   session), and API calls are sent with the caller's own rights, as the stateless route sends any caller's.

/** The longest an isolate trusts having seen a session open. */
const MAX_TRUST_MS = 60_000
/** Sessions remembered per isolate; past it the first remembered are dropped (they then take one check again). */
const MAX_SESSIONS = 10_000

export interface Seen {
  /** Whether the session's client can be asked to approve a write (elicitation). */
  elicits: boolean
  /** Past half the window, with no re-check under way: the caller should re-check in the background. */
  renew: boolean
}

type Entry = { at: number; elicits: boolean; renewing: boolean }

export class OpenSessions {
  /** By session, then by user: no pair of strings can stand for another. */
  readonly #seen = new Map<string, Map<string, Entry>>()
  /** Counts forgets; a check asked before a session's last forget must not bring it back (a DELETE in between). */
  #epoch = 0
  readonly #forgotten = new Map<string, number>()

  /** The trust window for a session idle time: at most a minute, and a tenth of the idle time (its expiry slack). */
  static trustMs(idleMs: number): number {
    return Math.min(MAX_TRUST_MS, idleMs / 10)
  }

  /** The session as last seen open to `user`, if within `trustMs`. A renewal is asked of one caller at a time. */
  seen(session: string, user: string, trustMs: number, now = Date.now()): Seen | undefined {
    const entry = this.#seen.get(session)?.get(user)
    if (!entry || now - entry.at >= trustMs) return undefined
    const renew = now - entry.at >= trustMs / 2 && !entry.renewing
    if (renew) entry.renewing = true
    return { elicits: entry.elicits, renew }
  }

  /** Taken before asking a session's object, and handed back to confirm() with its answer. */
  epoch(): number {
    return this.#epoch
  }

  /** Records the object's yes, unless the session was forgotten since `asked` (its epoch). */
  confirm(session: string, user: string, elicits: boolean, asked: number, now = Date.now()): void {
    if ((this.#forgotten.get(session) ?? -1) >= asked) return
    let users = this.#seen.get(session)
    if (!users) {
      if (this.#seen.size >= MAX_SESSIONS) this.#seen.delete(this.#seen.keys().next().value as string)
      users = new Map()
      this.#seen.set(session, users)
    }
    users.set(user, { at: now, elicits, renewing: false })
  }

  /** Forgets the session for every user (it ended, or its object said it is not open), and any answer in flight. */
  forget(session: string): void {
    this.#seen.delete(session)
    this.#forgotten.delete(session)
    if (this.#forgotten.size >= MAX_SESSIONS) this.#forgotten.delete(this.#forgotten.keys().next().value as string)
    this.#forgotten.set(session, this.#epoch++)
  }
}
