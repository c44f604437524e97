// /mcp/stateless against the real Worker in workerd, the official MCP client and Prism: the same tools as /mcp,
// search and execute working, and what the route gives up refused by name (approval of writes, the session store,
// cut results kept by handle), with no Durable Object behind any of it.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionObjectFiles } from '../support/count-session-storage.ts'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

let stack: PetstoreStack
let statelessUrl: URL
const clients: Client[] = []

beforeAll(async () => {
  stack = await startPetstore({ policy: { approveWrites: true }, vars: { EXECUTE_MAX_RESULT_TOKENS: '400' } })
  statelessUrl = new URL('/mcp/stateless', stack.server.url)
}, 120_000)

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {})
  await stack?.stop()
})

async function client(url: URL, options?: Parameters<typeof connect>[1]): Promise<Client> {
  const c = await connect(url, options)
  clients.push(c)
  return c
}

const sessionObjects = () => sessionObjectFiles(stack.server.persistDir).length

describe('/mcp/stateless', () => {
  it('creates no Durable Object, where one /mcp session creates one', async () => {
    const before = sessionObjects()
    const c = await client(statelessUrl)
    expect((await c.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
    expect(JSON.parse((await callTool(c, 'execute', { code: 'async () => (await petstore.getPetById({ petId: 1 })).name' })).text).result).toBe('doggie')
    expect(JSON.parse((await callTool(c, 'execute', { code: 'async () => 6 * 7' })).text).result).toBe(42)
    expect(sessionObjects()).toBe(before)
    const stateful = await client(stack.server.mcpUrl)
    await stateful.listTools()
    expect(sessionObjects()).toBe(before + 1)
  })

  it('answers the session operations, the GET stream and DELETE, with 405', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(statelessUrl, { method, headers: { accept: 'text/event-stream', 'mcp-protocol-version': '2025-06-18' } })
      expect([method, res.status]).toEqual([method, 405])
      await res.body?.cancel()
    }
  })

  it('lists exactly the tools /mcp lists', async () => {
    const [stateless, stateful] = await Promise.all([client(statelessUrl), client(stack.server.mcpUrl)])
    const tools = (await stateless.listTools()).tools
    expect(tools).toEqual((await stateful.listTools()).tools)
    expect(tools.map((t) => t.name)).toEqual(['search', 'execute'])
  })

  it('answers search and execute as /mcp does', async () => {
    const c = await client(statelessUrl)
    const found = await callTool(c, 'search', { query: 'find pets by status' })
    expect(found.isError).toBe(false)
    expect(found.text).toContain('petstore.findPetsByStatus — GET /pet/findByStatus')
    const ran = await callTool(c, 'execute', { code: "async () => (await petstore.findPetsByStatus({ status: 'available' })).map((p) => p.name)" })
    expect(ran.isError).toBe(false)
    expect(JSON.parse(ran.text)).toMatchObject({ result: ['doggie'], meter: { apiCalls: 1 } })
  })

  it('refuses a write that needs approval, naming the route and /mcp, and sends nothing', async () => {
    // Even a client that could answer elicitation: a stateless request cannot be called back.
    const c = await client(statelessUrl, { capabilities: { elicitation: {} } })
    c.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { approve: true } }))
    const mark = stack.requests.length
    const refused = await callTool(c, 'execute', { code: 'async () => { await petstore.deleteOrder({ orderId: 7 }); return "deleted" }' })
    expect(refused).toEqual({
      isError: true,
      text: 'petstore.deleteOrder: write not approved (the stateless route /mcp/stateless cannot ask a human to approve writes (MCP elicitation needs a session); connect to /mcp for writes that need approval) at line 1',
    })
    expect(stack.requests.slice(mark)).toEqual([])
    // /mcp asks, and sends the write once approved.
    const stateful = await client(stack.server.mcpUrl, { capabilities: { elicitation: {} } })
    stateful.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { approve: true } }))
    expect(JSON.parse((await callTool(stateful, 'execute', { code: 'async () => { await petstore.deleteOrder({ orderId: 7 }); return "deleted" }' })).text).result).toBe('deleted')
  })

  it('refuses every session store call, naming the route and /mcp', async () => {
    const c = await client(statelessUrl)
    const tried = await callTool(c, 'execute', {
      code: `async () => {
  const out = []
  for (const call of [() => session.set('a', 1), () => session.get('a'), () => session.keys(), () => session.delete('a')]) {
    try { await call() } catch (err) { out.push(err.message) }
  }
  return out
}`,
    })
    const why = 'the stateless route /mcp/stateless keeps no session store; connect to /mcp to keep values across executes'
    expect(JSON.parse(tried.text).result).toEqual([`session.set("a"): ${why}`, `session.get("a"): ${why}`, `session.keys(): ${why}`, `session.delete("a"): ${why}`])
    expect(await callTool(c, 'execute', { code: "async () => { await session.set('a', 1) }" })).toEqual({ isError: true, text: `session.set("a"): ${why} at line 1` })
  })

  it('cuts a long result without promising a handle to the whole of it', async () => {
    const c = await client(statelessUrl)
    const cut = JSON.parse((await callTool(c, 'execute', { code: 'async () => Array.from({ length: 300 }, (_, i) => ({ i }))' })).text)
    expect((cut.result as unknown[]).length).toBeLessThan(300)
    expect(cut.full).toBe(
      'The whole result was not kept in the session store: the stateless route /mcp/stateless keeps no session store; connect to /mcp to keep values across executes.',
    )
  })
})
