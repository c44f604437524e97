// Counts what the sessions' Durable Objects (CodeModeAgent) keep in a local persistence folder (startServer's
// persistDir): one SQLite database per object, read as workerd left it (its write-ahead log included).
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

export interface SessionStorage {
  /** Objects holding at least one row. */
  objects: number
  /** Rows across every table of every object. */
  rows: number
  /** Bytes in use: (pages - free pages) x page size, summed over the objects that hold rows. */
  bytes: number
}

/** The sessions' objects' database files, one per Durable Object created, rows or not (workerd's metadata.sqlite aside). */
export function sessionObjectFiles(persistDir: string): string[] {
  const dir = objectsDir(persistDir)
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.sqlite$/.test(f)) : []
}

export function countSessionStorage(persistDir: string): SessionStorage {
  const total: SessionStorage = { objects: 0, rows: 0, bytes: 0 }
  forEachObject(persistDir, (db) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    const rows = tables.reduce((sum, t) => sum + Number((db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n), 0)
    if (!rows) return
    const pragma = (name: string) => Number(Object.values(db.prepare(`PRAGMA ${name}`).get() as object)[0])
    total.objects += 1
    total.rows += rows
    total.bytes += (pragma('page_count') - pragma('freelist_count')) * pragma('page_size')
  })
  return total
}

/** Opens each session object's database, read-only, in turn. */
function forEachObject(persistDir: string, read: (db: DatabaseSync) => void): void {
  for (const file of sessionObjectFiles(persistDir)) {
    // workerd may be writing the object as we read it: wait for its lock rather than fail with "database is locked".
    const db = new DatabaseSync(join(objectsDir(persistDir), file), { readOnly: true, timeout: 5_000 })
    try {
      read(db)
    } finally {
      db.close()
    }
  }
}

/** Rows stored under `key` in any session object's store (codemode_session_store). */
export function rowsKeyed(persistDir: string, key: string): number {
  let rows = 0
  forEachObject(persistDir, (db) => {
    if (db.prepare("SELECT name FROM sqlite_master WHERE name = 'codemode_session_store'").get())
      rows += Number((db.prepare('SELECT count(*) AS n FROM codemode_session_store WHERE key = ?').get(key) as { n: number }).n)
  })
  return rows
}

const objectsDir = (persistDir: string) => join(persistDir, 'v3/do/codemode-openapi-mcp-CodeModeAgent')
