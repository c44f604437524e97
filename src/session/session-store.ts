// The session store: JSON values by key in the session Durable Object's own SQLite, so a session sees only its own
// keys and they go when its storage is deleted. Every write is held to check-session-write.ts. Values are kept as the
// JSON text the sandbox sent, checked to parse; reads hand that text back.
import { checkKey, checkWrite, type SessionLimits, showKey, utf8Bytes } from './check-session-write.ts'
import type { SessionStoreLike, StoreResult } from './store-result.ts'

export type { SessionStoreLike, StoreResult }

const TABLE = 'codemode_session_store'
// The keys the host made for cut results, oldest first: a cache it may drop to keep a new one, unlike the model's.
const HANDLES = 'codemode_session_handles'

export class SessionStore implements SessionStoreLike {
  #sql: SqlStorage
  #limits: SessionLimits

  constructor(sql: SqlStorage, limits: SessionLimits) {
    this.#sql = sql
    this.#limits = limits
    sql.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (key TEXT PRIMARY KEY, json TEXT NOT NULL, bytes INTEGER NOT NULL)`)
    sql.exec(`CREATE TABLE IF NOT EXISTS ${HANDLES} (key TEXT PRIMARY KEY, seq INTEGER NOT NULL)`)
  }

  get limits(): SessionLimits {
    return this.#limits
  }

  /** The JSON text under `key`, or null when there is none. */
  get(key: unknown): StoreResult<{ json: string | null; bytes: number }> {
    const bad = checkKey(key, this.#limits)
    if (bad) return { ok: false, error: `session.get(${showKey(key)}): ${bad}` }
    const row = this.#sql.exec<{ json: string; bytes: number }>(`SELECT json, bytes FROM ${TABLE} WHERE key = ?`, key as string).toArray()[0]
    return { ok: true, value: row ? { json: row.json, bytes: row.bytes } : { json: null, bytes: 0 } }
  }

  /** Stores `json` (JSON text) under `key`, replacing what was there; `dryRun`: checks it all, stores nothing. */
  set(key: unknown, json: unknown, dryRun = false): StoreResult<null> {
    const label = `session.set(${showKey(key)})`
    const bad = checkKey(key, this.#limits) ?? (typeof json === 'string' ? undefined : 'the value must be sent as JSON text')
    if (bad) return { ok: false, error: `${label}: ${bad}` }
    const text = json as string
    // UTF-8 takes at least one byte per UTF-16 unit: a text this long is over the limit without encoding it.
    const bytes = text.length > this.#limits.sessionMaxValueBytes ? text.length : utf8Bytes(text)
    const full = checkWrite(bytes, this.#usage(key as string), this.#limits) ?? notJson(text)
    if (full) return { ok: false, error: `${label}: ${full}` }
    if (dryRun) return { ok: true, value: null }
    this.#sql.exec(`INSERT OR REPLACE INTO ${TABLE} (key, json, bytes) VALUES (?, ?, ?)`, key as string, text, bytes)
    // A key the model writes is the model's, even one the host once made for a cut result.
    this.#sql.exec(`DELETE FROM ${HANDLES} WHERE key = ?`, key as string)
    return { ok: true, value: null }
  }

  /** Every key, in order. */
  keys(): string[] {
    return this.#sql
      .exec<{ key: string }>(`SELECT key FROM ${TABLE} ORDER BY key`)
      .toArray()
      .map((r) => r.key)
  }

  /** Removes `key`; whether it was there. `dryRun`: says so, removes nothing. */
  delete(key: unknown, dryRun = false): StoreResult<boolean> {
    const bad = checkKey(key, this.#limits)
    if (bad) return { ok: false, error: `session.delete(${showKey(key)}): ${bad}` }
    if (dryRun) {
      const held = this.get(key)
      return { ok: true, value: held.ok && held.value.json !== null }
    }
    const cursor = this.#sql.exec(`DELETE FROM ${TABLE} WHERE key = ?`, key as string)
    this.#sql.exec(`DELETE FROM ${HANDLES} WHERE key = ?`, key as string)
    return { ok: true, value: cursor.rowsWritten > 0 }
  }

  /**
   * Keeps a result under a fresh key `r<n>`, one past the highest the session holds; the key, or why it could not.
   * When the store is too full, the oldest results the host kept make room; the model's own keys never do.
   */
  keep(json: string): StoreResult<string> {
    const held = this.#sql.exec<{ key: string }>(`SELECT key FROM ${TABLE} WHERE key GLOB 'r[0-9]*'`).toArray()
    const highest = Math.max(0, ...held.map((r) => Number(r.key.slice(1))).filter(Number.isSafeInteger))
    const key = `r${highest + 1}`
    // A value over the per-value limit fits nowhere: say so without dropping anything.
    const evict = json.length <= this.#limits.sessionMaxValueBytes && utf8Bytes(json) <= this.#limits.sessionMaxValueBytes
    for (;;) {
      const stored = this.set(key, json)
      if (stored.ok) {
        this.#sql.exec(`INSERT INTO ${HANDLES} (key, seq) VALUES (?, ?)`, key, highest + 1)
        return { ok: true, value: key }
      }
      const oldest = evict && this.#sql.exec<{ key: string }>(`SELECT key FROM ${HANDLES} ORDER BY seq LIMIT 1`).toArray()[0]
      if (!oldest) return { ok: false, error: stored.error.slice(`session.set(${showKey(key)}): `.length) }
      this.delete(oldest.key)
    }
  }

  #usage(key: string): { keys: number; bytes: number; existingBytes?: number } {
    const total = this.#sql.exec<{ keys: number; bytes: number | null }>(`SELECT COUNT(*) AS keys, SUM(bytes) AS bytes FROM ${TABLE}`).one()
    const existing = this.#sql.exec<{ bytes: number }>(`SELECT bytes FROM ${TABLE} WHERE key = ?`, key).toArray()[0]
    return { keys: total.keys, bytes: total.bytes ?? 0, existingBytes: existing?.bytes }
  }
}

/** Why `json` is not JSON text, or undefined. The sandbox checks values first; this holds against one that does not. */
function notJson(json: string): string | undefined {
  try {
    JSON.parse(json)
    return undefined
  } catch {
    return 'the value is not valid JSON'
  }
}
