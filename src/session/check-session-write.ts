// The session store's rules as pure functions: what a key may be, and whether one more value fits the session.
// Each refusal names the limit, the setting that raises it, and what the model can do instead.

export interface SessionLimits {
  sessionMaxValueBytes: number
  sessionMaxBytes: number
  sessionMaxKeys: number
  sessionMaxKeyChars: number
}

/** What the session holds now: its keys, the bytes of all its values, and the bytes of the value under this key if any. */
export interface SessionUsage {
  keys: number
  bytes: number
  existingBytes?: number
}

/** A problem with `key`, or undefined when it is a usable key. */
export function checkKey(key: unknown, limits: SessionLimits): string | undefined {
  if (typeof key !== 'string') return `the key must be a string; got ${key === null ? 'null' : typeof key}`
  if (!key.length) return 'the key must not be empty'
  if (key.length > limits.sessionMaxKeyChars)
    return `the key is ${key.length.toLocaleString('en-US')} characters, over the ${limits.sessionMaxKeyChars}-character limit per key (SESSION_MAX_KEY_CHARS); use a shorter key`
  return undefined
}

/** A problem with storing `bytes` of JSON under a key, given what the session holds; undefined when it fits. */
export function checkWrite(bytes: number, usage: SessionUsage, limits: SessionLimits): string | undefined {
  if (bytes > limits.sessionMaxValueBytes)
    return `the value's JSON is ${bytes.toLocaleString('en-US')} bytes, over the ${formatBytes(limits.sessionMaxValueBytes)} limit per value (SESSION_MAX_VALUE_BYTES); store fewer items or only the fields you need`
  if (usage.existingBytes === undefined && usage.keys >= limits.sessionMaxKeys)
    return `the session already holds ${limits.sessionMaxKeys.toLocaleString('en-US')} keys, the limit (SESSION_MAX_KEYS); session.delete keys you no longer need, or keep related values under one key`
  const total = usage.bytes - (usage.existingBytes ?? 0) + bytes
  if (total > limits.sessionMaxBytes)
    return `the session would hold ${total.toLocaleString('en-US')} bytes, over the ${formatBytes(limits.sessionMaxBytes)} limit per session (SESSION_MAX_BYTES); session.delete values you no longer need`
  return undefined
}

/** How a key appears in a message: quoted, and cut when long (a key may be as long as the model likes). */
export function showKey(key: unknown): string {
  if (typeof key !== 'string') return typeof key
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)
}

/** Bytes as the model reads them: whole MiB when they are, else the exact count. */
export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en-US')}-byte`
}

/** The UTF-8 length of `text`: what the store keeps and what the limits count. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length
}
