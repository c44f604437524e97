// What a session-store call answers, and the store the sandbox's SessionHost uses, in this object or over RPC.

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: string }

/** What the sandbox's SessionHost uses: this object's SessionStore, or the same over RPC (remote-session-store.ts). */
export interface SessionStoreLike {
  get(key: unknown): StoreResult<{ json: string | null; bytes: number }> | Promise<StoreResult<{ json: string | null; bytes: number }>>
  set(key: unknown, json: unknown, dryRun?: boolean): StoreResult<null> | Promise<StoreResult<null>>
  keys(): string[] | Promise<StoreResult<string[]>>
  delete(key: unknown, dryRun?: boolean): StoreResult<boolean> | Promise<StoreResult<boolean>>
  keep(json: string): StoreResult<string> | Promise<StoreResult<string>>
}
