// Whether a tools/call the Worker runs (direct-tool-calls.ts) may act for its session: at once when this isolate saw
// the session open to this user within the trust window (open-sessions.ts; re-checked in the background in the
// window's second half), else when the session's Durable Object says so.
import type { Props } from '../mcp/tool-handlers.ts'
import { sessionIdleMs } from './idle-expiry.ts'
import { OpenSessions } from './open-sessions.ts'
import type { StoresSession } from './remote-session-store.ts'

export interface SessionObject extends StoresSession {
  _openSession(props: Props | undefined): Promise<{ elicits: boolean } | undefined>
  _ownSession(props: Props): Promise<void>
}

/** This isolate's sessions lately seen open. */
const openSessions = new OpenSessions()

/** The session as admitted (whether its client can be asked to approve a write), or undefined when it is not open; rejects for another user's. */
export function admitSession(object: SessionObject, session: string, props: Props | undefined, env: Env, ctx: ExecutionContext): Promise<{ elicits: boolean } | undefined> {
  const user = props?.user?.id ?? ''
  const ask = () => {
    const asked = openSessions.epoch()
    return object._openSession(props).then((open) => {
      if (open) openSessions.confirm(session, user, open.elicits, asked)
      else openSessions.forget(session)
      return open
    })
  }
  const seen = openSessions.seen(session, user, OpenSessions.trustMs(idleMs(env)))
  if (!seen) return ask()
  if (seen.renew) ctx.waitUntil(ask().catch(() => undefined))
  return Promise.resolve({ elicits: seen.elicits })
}

/** The session ended (a DELETE through this isolate, or its object refused a store call as ended): never admit it from memory again. */
export function forgetSession(session: string): void {
  openSessions.forget(session)
}

let idle: { raw: unknown; ms: number } | undefined

/** SESSION_IDLE_SECONDS as ms, read once per value (a bad one is reported once, where the object reports it too). */
function idleMs(env: Env): number {
  const raw = (env as { SESSION_IDLE_SECONDS?: unknown }).SESSION_IDLE_SECONDS
  const current = idle && idle.raw === raw ? idle : { raw, ms: sessionIdleMs(raw) }
  idle = current
  return current.ms
}
