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
  const dir = objectsDir(persistDir)
  const total: SessionStorage = { objects: 0, rows: 0, bytes: 0 }
  for (const file of sessionObjectFiles(persistDir)) {
    // workerd may be writing the object as we read it: wait for its lock rather than fail with "database is locked".
    const db = new DatabaseSync(join(dir, file), { readOnly: true, timeout: 5_000 })
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
      const rows = tables.reduce((sum, t) => sum + Number((db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n), 0)
      if (!rows) continue
      const pragma = (name: string) => Number(Object.values(db.prepare(`PRAGMA ${name}`).get() as object)[0])
      total.objects += 1
      total.rows += rows
      total.bytes += (pragma('page_count') - pragma('freelist_count')) * pragma('page_size')
    } finally {
      db.close()
    }
  }
  return total
}

/** Where workerd keeps the session objects' databases. */
export const objectsDir = (persistDir: string) => join(persistDir, 'v3/do/codemode-openapi-mcp-CodeModeAgent')
