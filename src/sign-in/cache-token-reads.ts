// The OAuth provider reads a token's record from KV on every request. Within one isolate, the records of access
// tokens are kept for a few seconds, so a busy session does not pay a KV read per message. Records are immutable
// once written; the provider's own writes and deletes through this binding drop the cached copy at once. Another
// isolate's revocation is seen within TOKEN_CACHE_MS, well inside KV's own propagation delay (up to 60 s), and a
// token's expiry is still checked on every request from the record.

const TOKEN_CACHE_MS = 10_000
const MAX_ENTRIES = 2_000

type Entry = { until: number; value: unknown }
/** The part of a KV namespace binding this wraps (structural, so Node-side tests need no Workers types). */
type Store = { get(key: string, options?: never): Promise<unknown>; put(key: string, ...rest: never[]): Promise<unknown>; delete(key: string): Promise<unknown> }

export function cacheTokenReads<K extends Store>(kv: K): K {
  const cache = new Map<string, Entry>()
  const cached = (key: string, type: unknown) => key.startsWith('token:') && type === 'json'
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === 'get')
        return async (key: string, options?: { type?: string } | string) => {
          const type = typeof options === 'string' ? options : options?.type
          if (!cached(key, type)) return target.get(key, options as never)
          const hit = cache.get(key)
          if (hit && hit.until > Date.now()) return structuredClone(hit.value)
          const value = await target.get(key, 'json' as never)
          if (value !== null) {
            if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
            cache.set(key, { until: Date.now() + TOKEN_CACHE_MS, value })
          }
          return structuredClone(value)
        }
      if (prop === 'put' || prop === 'delete')
        return (key: string, ...rest: unknown[]) => {
          cache.delete(key)
          return (target[prop] as (...args: unknown[]) => Promise<unknown>)(key, ...rest)
        }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
