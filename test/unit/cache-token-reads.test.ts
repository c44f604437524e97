import { describe, expect, it, vi } from 'vitest'
import { cacheTokenReads } from '../../src/sign-in/cache-token-reads.ts'

/** A KV namespace over a Map that counts its reads. */
function memoryKv() {
  const data = new Map<string, string>()
  const reads: string[] = []
  const kv = {
    async get(key: string, options?: unknown) {
      reads.push(key)
      const raw = data.get(key)
      const type = typeof options === 'string' ? options : (options as { type?: string } | undefined)?.type
      return raw === undefined ? null : type === 'json' ? JSON.parse(raw) : raw
    },
    async put(key: string, value: string) {
      data.set(key, value)
    },
    async delete(key: string) {
      data.delete(key)
    },
    async list() {
      return { keys: [...data.keys()].map((name) => ({ name })), list_complete: true }
    },
  }
  return { kv, reads, data }
}

describe('cacheTokenReads', () => {
  it('reads a token record from KV once within the cache time, and hands out copies', async () => {
    const { kv, reads } = memoryKv()
    const cached = cacheTokenReads(kv)
    await cached.put('token:u:g:1', JSON.stringify({ expiresAt: 5 }))
    const first = (await cached.get('token:u:g:1', { type: 'json' })) as { expiresAt: number }
    first.expiresAt = 999
    expect(await cached.get('token:u:g:1', { type: 'json' })).toEqual({ expiresAt: 5 })
    expect(reads).toEqual(['token:u:g:1'])
  })

  it('drops the cached record when it is deleted or written through the binding', async () => {
    const { kv, reads } = memoryKv()
    const cached = cacheTokenReads(kv)
    await cached.put('token:u:g:1', '{"v":1}')
    await cached.get('token:u:g:1', { type: 'json' })
    await cached.delete('token:u:g:1')
    expect(await cached.get('token:u:g:1', { type: 'json' })).toBeNull()
    await cached.put('token:u:g:1', '{"v":2}')
    expect(await cached.get('token:u:g:1', { type: 'json' })).toEqual({ v: 2 })
    expect(reads).toHaveLength(3)
  })

  it('reads again after the cache time, and never caches grants, text reads or misses', async () => {
    vi.useFakeTimers()
    try {
      const { kv, reads, data } = memoryKv()
      const cached = cacheTokenReads(kv)
      data.set('token:u:g:1', '{"v":1}')
      data.set('grant:u:g', '{"g":1}')
      await cached.get('token:u:g:1', { type: 'json' })
      vi.advanceTimersByTime(10_001)
      await cached.get('token:u:g:1', { type: 'json' })
      await cached.get('grant:u:g', { type: 'json' })
      await cached.get('grant:u:g', { type: 'json' })
      await cached.get('token:u:g:1')
      await cached.get('token:u:g:2', { type: 'json' })
      await cached.get('token:u:g:2', { type: 'json' })
      expect(reads).toEqual(['token:u:g:1', 'token:u:g:1', 'grant:u:g', 'grant:u:g', 'token:u:g:1', 'token:u:g:2', 'token:u:g:2'])
      expect(await cached.list()).toMatchObject({ list_complete: true })
    } finally {
      vi.useRealTimers()
    }
  })
})
