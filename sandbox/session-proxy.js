// `session` in the model's code: get/set/keys/delete on the session store, JSON values by string key. The store
// lives on the host (SessionHost over RPC), which checks every key, value and limit again: this side only turns
// values into JSON text, refusing what JSON would silently change (functions, BigInt, Map, Set) or cannot hold.

/** The `session` object the model's code receives; `store` is the host's SessionHost stub, or null where there is none. */
export function sessionProxy(store) {
  const call = async (method, key, ...rest) => {
    const label = `session.${method}(${method === 'keys' ? '' : show(key)})`
    if (!store) throw new SessionError(`${label}: this server keeps no session store for this connection`)
    if (method !== 'keys' && typeof key !== 'string') throw new SessionError(`${label}: the key must be a string; got ${key === null ? 'null' : typeof key}`)
    let outcome
    try {
      outcome = await store[method](key, ...rest)
    } catch (err) {
      throw new SessionError(`${label}: the value could not be sent (${err?.message}); store less at once`)
    }
    if (!outcome?.ok) throw new SessionError(outcome?.error ?? `${label}: the session store did not answer`)
    return outcome.value
  }
  return Object.freeze({
    /** The value under `key`, or undefined. */
    async get(key) {
      const json = await call('get', key)
      return json === null ? undefined : JSON.parse(json)
    },
    /** Stores a JSON value under `key`, replacing what was there. */
    async set(key, value) {
      await call('set', key, toJsonText(key, value))
    },
    async keys() {
      return call('keys')
    },
    /** Removes `key`; whether it was there. */
    async delete(key) {
      return call('delete', key)
    },
  })
}

class SessionError extends Error {
  constructor(message) {
    super(message)
    this.name = 'SessionError'
  }
}

function toJsonText(key, value) {
  const label = `session.set(${show(key)})`
  if (value === undefined) throw new SessionError(`${label}: the value is undefined, which JSON cannot hold; to remove a key use session.delete(${show(key)})`)
  let text
  try {
    text = JSON.stringify(value, (name, v) => {
      const kind = notJsonKind(v)
      if (kind) throw new NotJson(`${kind}${name === '' ? '' : ` (at key ${JSON.stringify(name)})`}`)
      return v
    })
  } catch (err) {
    const why = err instanceof NotJson ? `it holds ${err.message}` : /circular|cyclic/i.test(String(err?.message)) ? 'it refers to itself (a cycle)' : String(err?.message)
    throw new SessionError(`${label}: the value is not JSON: ${why}. Store plain objects, arrays, strings, numbers, booleans and null`)
  }
  return text
}

function notJsonKind(v) {
  if (typeof v === 'function') return 'a function'
  if (typeof v === 'bigint') return 'a BigInt'
  if (typeof v === 'symbol') return 'a symbol'
  if (v instanceof Map) return 'a Map'
  if (v instanceof Set) return 'a Set'
  return undefined
}

class NotJson extends Error {}

function show(key) {
  if (typeof key !== 'string') return typeof key
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)
}
