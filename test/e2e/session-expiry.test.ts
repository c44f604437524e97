// Bounded session storage: a session's Durable Object deletes its storage once idle for SESSION_IDLE_SECONDS
// (src/session/idle-expiry.ts), counted in the objects' SQLite databases under the server's persistence folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countSessionStorage, type SessionStorage } from '../support/count-session-storage.ts'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

const IDLE_SECONDS = 2
/** The deadline is idle time + slack (at least 1 s) after the last request, and deletion runs in a second alarm 1 s on. */
const GONE_WITHIN_MS = 30_000

let stack: PetstoreStack

beforeAll(async () => {
  stack = await startPetstore({ vars: { SESSION_IDLE_SECONDS: IDLE_SECONDS } })
})

afterAll(async () => {
  await stack?.stop()
})

const storage = () => countSessionStorage(stack.server.persistDir)

/** Calls `step` every 500 ms until `done` holds or GONE_WITHIN_MS passes; returns the last storage count. */
async function until(done: (s: SessionStorage) => boolean, step: () => Promise<unknown>): Promise<SessionStorage> {
  const deadline = Date.now() + GONE_WITHIN_MS
  let seen = storage()
  while (!done(seen) && Date.now() < deadline) {
    await step()
    await new Promise((resolve) => setTimeout(resolve, 500))
    seen = storage()
  }
  return seen
}

describe('idle sessions', () => {
  it('deletes a session that went away without DELETE and keeps one in use', async () => {
    const active = await connect(stack.server.mcpUrl)
    const left = await connect(stack.server.mcpUrl)
    expect((await callTool(left, 'search', { query: 'find pets by status' })).isError).toBe(false)
    const executed = await callTool(left, 'execute', { code: 'async () => (await petstore.getPetById({ petId: 1 })).result?.name' })
    expect(executed.isError, executed.text).toBe(false)
    const sessionId = (left.transport as unknown as { sessionId: string }).sessionId
    const before = storage()
    // The client goes away as most do: it stops, and never sends DELETE.
    await left.close()

    const after = await until(
      (s) => s.objects < before.objects,
      () => active.ping(),
    )
    console.log(`session storage before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`)
    expect(before.objects).toBe(2)
    expect(after.objects).toBe(1)
    expect(after.rows).toBeLessThan(before.rows)
    expect(after.bytes).toBeLessThan(before.bytes)

    // The active session has outlived its first deadline by pinging, and still works on the same session.
    expect((await callTool(active, 'search', { query: 'pets' })).isError).toBe(false)
    // The ended session is unknown now, as after DELETE: a client must start a new one.
    const probe = await fetch(stack.server.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    expect(probe.status).toBe(404)
    expect(await probe.json()).toEqual({ error: { code: -32001, message: 'Session not found' }, id: null, jsonrpc: '2.0' })
    await active.close()
  })

  it('keeps a session alive that only makes tool calls, which the Worker runs: their session checks count as activity', async () => {
    const busy = await connect(stack.server.mcpUrl)
    expect((await callTool(busy, 'execute', { code: "async () => { await session.set('kept', 1); return 1 }" })).isError).toBe(false)
    // Past the idle time, its slack and the deferred deletion, with a call every ~150 ms and nothing else.
    const until = Date.now() + 3 * (IDLE_SECONDS + 1) * 1000
    while (Date.now() < until) {
      const step = await callTool(busy, 'execute', { code: 'async () => 1' })
      expect(step.isError, step.text).toBe(false)
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    const kept = await callTool(busy, 'execute', { code: "async () => session.get('kept')" })
    expect(JSON.parse(kept.text).result).toBe(1)
    await busy.close()
  })
})
