import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OpenSessions } from '../../src/session/open-sessions.ts'

const WINDOW = 60_000

describe('OpenSessions', () => {
  it('finds a session only for the session and user it was seen open to, whatever the strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (session, user, otherSession, otherUser) => {
        fc.pre(session !== otherSession || user !== otherUser)
        const seen = new OpenSessions()
        seen.confirm(session, user, false, seen.epoch(), 0)
        expect(seen.seen(session, user, WINDOW, 1)).toEqual({ elicits: false, renew: false })
        expect(seen.seen(otherSession, otherUser, WINDOW, 1)).toBeUndefined()
      }),
    )
  })

  it('keeps a pair that joined with a separator would read as another apart', () => {
    const seen = new OpenSessions()
    seen.confirm('a\nb', 'c', false, seen.epoch(), 0)
    expect(seen.seen('a', 'b\nc', WINDOW, 1)).toBeUndefined()
  })

  it('trusts a sighting for the window, asks one caller to renew it in its second half, and not after it', () => {
    const seen = new OpenSessions()
    seen.confirm('s', 'ada', true, seen.epoch(), 1_000)
    expect(seen.seen('s', 'ada', WINDOW, 1_000 + WINDOW / 2 - 1)).toEqual({ elicits: true, renew: false })
    expect(seen.seen('s', 'ada', WINDOW, 1_000 + WINDOW / 2)).toEqual({ elicits: true, renew: true })
    // A renewal is under way: the next caller is not asked for another.
    expect(seen.seen('s', 'ada', WINDOW, 1_000 + WINDOW - 1)).toEqual({ elicits: true, renew: false })
    expect(seen.seen('s', 'ada', WINDOW, 1_000 + WINDOW)).toBeUndefined()
    seen.confirm('s', 'ada', true, seen.epoch(), 1_000 + WINDOW)
    expect(seen.seen('s', 'ada', WINDOW, 1_000 + WINDOW + 1)).toEqual({ elicits: true, renew: false })
  })

  it('keeps out an answer asked before the session was forgotten (a DELETE while a check was in flight)', () => {
    const seen = new OpenSessions()
    const asked = seen.epoch()
    seen.forget('s')
    seen.confirm('s', 'ada', false, asked, 0)
    expect(seen.seen('s', 'ada', WINDOW, 1)).toBeUndefined()
    // A check asked after the forget counts.
    seen.confirm('s', 'ada', false, seen.epoch(), 0)
    expect(seen.seen('s', 'ada', WINDOW, 1)).toBeDefined()
  })

  it('forgets a session for every user at once', () => {
    const seen = new OpenSessions()
    seen.confirm('s', 'ada', false, seen.epoch(), 0)
    seen.confirm('s', 'bob', false, seen.epoch(), 0)
    seen.confirm('t', 'ada', false, seen.epoch(), 0)
    seen.forget('s')
    expect(seen.seen('s', 'ada', WINDOW, 1)).toBeUndefined()
    expect(seen.seen('s', 'bob', WINDOW, 1)).toBeUndefined()
    expect(seen.seen('t', 'ada', WINDOW, 1)).toBeDefined()
  })

  it('holds at most 10,000 sessions, dropping the first remembered', () => {
    const seen = new OpenSessions()
    for (let i = 0; i <= 10_000; i++) seen.confirm(`s${i}`, 'u', false, seen.epoch(), 0)
    expect(seen.seen('s0', 'u', WINDOW, 1)).toBeUndefined()
    expect(seen.seen('s1', 'u', WINDOW, 1)).toBeDefined()
    expect(seen.seen('s10000', 'u', WINDOW, 1)).toBeDefined()
  })

  it('trusts a sighting for at most a minute, and a tenth of a shorter idle time', () => {
    expect(OpenSessions.trustMs(86_400_000)).toBe(60_000)
    expect(OpenSessions.trustMs(2_000)).toBe(200)
  })
})
