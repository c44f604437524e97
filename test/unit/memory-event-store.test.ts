// The session object's SSE event log in memory: the same event ids and replay as agents' storage-backed store, and
// the request ids of each POST stream, within bounds.
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import { describe, expect, it } from 'vitest'
import { MemoryEventStore } from '../../src/session/memory-event-store.ts'

const message = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, result: {} })

async function replay(store: MemoryEventStore, after: string): Promise<{ stream: string; sent: [string, JSONRPCMessage][] }> {
  const sent: [string, JSONRPCMessage][] = []
  const stream = await store.replayEventsAfter(after, {
    send: async (id, m) => {
      sent.push([id, m])
    },
  })
  return { stream, sent }
}

describe('MemoryEventStore', () => {
  it('numbers events per stream as agents does and replays those after a given one', async () => {
    const store = new MemoryEventStore()
    const first = await store.storeEvent('s1', message(1))
    await store.storeEvent('other', message(9))
    const second = await store.storeEvent('s1', message(2))
    expect([first, second]).toEqual(['s1:0000000000000001', 's1:0000000000000002'])
    expect(await store.getStreamIdForEventId(second)).toBe('s1')
    expect(await replay(store, first)).toEqual({ stream: 's1', sent: [[second, message(2)]] })
  })

  it('replays nothing once a stream is cleared, and nothing for an id without a stream', async () => {
    const store = new MemoryEventStore()
    const first = await store.storeEvent('s1', message(1))
    await store.storeEvent('s1', message(2))
    await store.clearStream('s1')
    expect(await replay(store, first)).toEqual({ stream: 's1', sent: [] })
    expect(await replay(store, 'no-stream')).toEqual({ stream: '', sent: [] })
  })

  it('refuses a stream id holding a colon, which would make event ids ambiguous', async () => {
    await expect(new MemoryEventStore().storeEvent('a:b', message(1))).rejects.toThrow(`MemoryEventStore: streamId must not contain ':' (got "a:b")`)
  })

  it('keeps the last 100 events of a stream', async () => {
    const store = new MemoryEventStore()
    const ids: string[] = []
    for (let i = 1; i <= 105; i++) ids.push(await store.storeEvent('s', message(i)))
    const { sent } = await replay(store, 's:0000000000000000')
    expect(sent.map(([id]) => id)).toEqual(ids.slice(5))
  })

  it('finds the POST stream of a request id, until its ids are deleted', () => {
    const store = new MemoryEventStore()
    store.setRequestIds('post-1', [1, 2])
    store.setRequestIds('post-2', ['x'])
    expect(store.getRequestIds('post-1')).toEqual([1, 2])
    expect(store.streamForRequestId(2)).toEqual({ streamId: 'post-1', requestIds: [1, 2] })
    expect(store.streamForRequestId('x')).toEqual({ streamId: 'post-2', requestIds: ['x'] })
    store.deleteRequestIds('post-1')
    expect(store.streamForRequestId(2)).toBeUndefined()
    expect(store.getRequestIds('post-1')).toBeUndefined()
  })

  it('keeps the request ids of at most 100 streams, dropping the oldest', () => {
    const store = new MemoryEventStore()
    for (let i = 0; i < 101; i++) store.setRequestIds(`post-${i}`, [i])
    expect(store.getRequestIds('post-0')).toBeUndefined()
    expect(store.getRequestIds('post-1')).toEqual([1])
    expect(store.getRequestIds('post-100')).toEqual([100])
  })
})
