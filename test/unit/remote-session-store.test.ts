import { describe, expect, it } from 'vitest'
import { RemoteSessionStore, type StoreOp } from '../../src/session/remote-session-store.ts'
import type { StoreResult } from '../../src/session/store-result.ts'

/** A session object that records each store call it is sent. */
function objectAnswering(answer: () => Promise<StoreResult<unknown> | undefined>) {
  const sent: StoreOp[] = []
  const _storeOp = (op: StoreOp) => {
    sent.push(op)
    return answer()
  }
  return { sent, object: { _storeOp } }
}

describe('RemoteSessionStore', () => {
  it('sends nothing before the session is admitted, and nothing at all when it is not', async () => {
    const { sent, object } = objectAnswering(async () => ({ ok: true, value: null }))
    let admit!: (ok: boolean) => void
    const store = new RemoteSessionStore(object, new Promise<boolean>((resolve) => (admit = resolve)))
    const pending = store.set('k', '1')
    await new Promise((r) => setTimeout(r, 10))
    expect(sent).toEqual([])
    admit(false)
    expect(await pending).toEqual({ ok: false, error: `session.set("k"): this session is not open (unknown, ended, or another user's), so its store was not used` })
    expect(await store.keys()).toEqual({ ok: false, error: `session.keys(): this session is not open (unknown, ended, or another user's), so its store was not used` })
    expect(sent).toEqual([])
  })

  it('sends each call once admitted, and passes the answer through', async () => {
    const { sent, object } = objectAnswering(async () => ({ ok: true, value: { json: '1', bytes: 1 } }))
    const store = new RemoteSessionStore(object, Promise.resolve(true))
    expect(await store.get('k')).toEqual({ ok: true, value: { json: '1', bytes: 1 } })
    expect(sent).toEqual([{ op: 'get', key: 'k' }])
  })

  it('says the session ended, and tells its owner, when the object answers so or cannot be reached', async () => {
    let ended = 0
    const gone = new RemoteSessionStore(objectAnswering(async () => undefined).object, Promise.resolve(true), () => ended++)
    expect(await gone.delete('k')).toEqual({ ok: false, error: 'session.delete("k"): this session has ended, so its store is gone; start a new session' })
    const destroyed = new RemoteSessionStore(
      objectAnswering(async () => {
        throw new Error('destroyed')
      }).object,
      Promise.resolve(true),
      () => ended++,
    )
    expect(await destroyed.keep('[1]')).toEqual({ ok: false, error: "the session's store could not be reached; if the session has ended, start a new one" })
    expect(ended).toBe(2)
  })
})
