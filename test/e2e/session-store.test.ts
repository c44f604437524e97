// The session store (`session.get/set/keys/delete` in the model's code) against the real Worker in workerd, the
// official MCP client and Prism: values kept across executes of one session, cut results kept by handle, and the
// store's limits and isolation under code that tries to get around them. Small limits make every bound reachable.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

let stack: PetstoreStack
const clients: Client[] = []

beforeAll(async () => {
  stack = await startPetstore({
    vars: {
      SESSION_MAX_VALUE_BYTES: '4096',
      SESSION_MAX_BYTES: '10000',
      SESSION_MAX_KEYS: '5',
      SESSION_MAX_KEY_CHARS: '32',
      EXECUTE_MAX_RESPONSE_BYTES: '20000',
      EXECUTE_MAX_RESULT_TOKENS: '400',
    },
  })
})

afterAll(async () => {
  for (const c of clients) await c.close()
  await stack?.stop()
})

/** A new MCP session: its own Durable Object, so its own store. */
async function session(): Promise<Client> {
  const client = await connect(stack.server.mcpUrl)
  clients.push(client)
  return client
}

const run = (client: Client, code: string) => callTool(client, 'execute', { code })
const result = async (client: Client, code: string) => {
  const { text, isError } = await run(client, code)
  expect(isError, text).toBe(false)
  return JSON.parse(text) as { result: unknown; full?: string; truncated?: string; meter: { apiCalls: number } }
}

describe('the session store', () => {
  it('keeps JSON values across executes of one session', async () => {
    const c = await session()
    await result(c, `async () => { await session.set('pets', [{ id: 1, tags: ['a'] }]); await session.set('n', 3) }`)
    const answer = await result(
      c,
      `async () => ({ pets: await session.get('pets'), n: await session.get('n'), keys: await session.keys(), missing: (await session.get('nope')) ?? 'none' })`,
    )
    expect(answer.result).toEqual({ pets: [{ id: 1, tags: ['a'] }], n: 3, keys: ['n', 'pets'], missing: 'none' })
    const deleted = await result(c, `async () => [await session.delete('n'), await session.delete('n'), await session.keys()]`)
    expect(deleted.result).toEqual([true, false, ['pets']])
  })

  it('leaves the name free: code may still declare its own variable called session', async () => {
    const c = await session()
    expect((await result(c, `const session = 'mine'\nreturn session`)).result).toBe('mine')
  })

  it('keeps a cut result under a fresh key, which the next execute narrows without calling the API again', async () => {
    const c = await session()
    const first = await result(
      c,
      `async () => {
  const pets = await petstore.findPetsByStatus({ status: 'available' })
  return Array.from({ length: 150 }, (_, i) => ({ i, name: pets[0]?.name }))
}`,
    )
    expect(first.meter.apiCalls).toBe(1)
    expect((first.result as unknown[]).length).toBeLessThan(150)
    expect(first.full).toBe("The whole result (150 items) is await session.get('r1'): narrow it in code in your next execute, without calling the API again.")
    const next = await result(c, `async () => (await session.get('r1')).filter((p) => p.i % 50 === 0)`)
    expect(next.result).toEqual([0, 50, 100].map((i) => ({ i, name: 'doggie' })))
    expect(next.meter.apiCalls).toBe(0)
  })

  it("drops the oldest kept results, never the model's own keys, to keep a new one in a full store", async () => {
    const c = await session()
    await result(c, `async () => { for (const k of ['a', 'b', 'c']) await session.set(k, k) }`)
    const cut = (n: number) => `async () => Array.from({ length: 150 }, (_, i) => ({ i, n: ${n} }))`
    for (const n of [1, 2, 3]) expect((await result(c, cut(n))).full).toMatch(new RegExp(`^The whole result \\(150 items\\) is await session\\.get\\('r${n}'\\)`))
    const after = await result(c, `async () => ({ keys: await session.keys(), a: await session.get('a'), r3: (await session.get('r3')).length })`)
    // Five keys at most here: the third result took the first one's place.
    expect(after.result).toEqual({ keys: ['a', 'b', 'c', 'r2', 'r3'], a: 'a', r3: 150 })
  })

  it('says why a cut result too big for the store was not kept', async () => {
    const c = await session()
    const answer = await result(c, `async () => Array.from({ length: 2000 }, (_, i) => i)`)
    expect(answer.full).toBe(
      "The whole result was not kept in the session store: the value's JSON is 8,891 bytes, over the 4,096-byte limit per value (SESSION_MAX_VALUE_BYTES); store fewer items or only the fields you need.",
    )
  })
})

describe('dry runs', () => {
  it('checks session writes but changes nothing, and keeps no cut result', async () => {
    const c = await session()
    await result(c, `async () => { await session.set('kept', 1) }`)
    const dry = await callTool(c, 'execute', {
      code: `async () => { await session.set('new', 2); await session.delete('kept'); return Array.from({ length: 400 }, (_, i) => i) }`,
      dryRun: true,
    })
    expect(dry.isError).toBe(false)
    expect(JSON.parse(dry.text).full).toBeUndefined()
    const refused = await callTool(c, 'execute', { code: `async () => { await session.set('big', 'x'.repeat(5000)) }`, dryRun: true })
    expect(refused.text).toMatch(/^session\.set\("big"\): the value's JSON is 5,002 bytes, over the 4,096-byte limit per value/)
    expect((await result(c, `async () => ({ keys: await session.keys(), kept: await session.get('kept') })`)).result).toEqual({ keys: ['kept'], kept: 1 })
  })
})

describe('escapes', () => {
  it("keeps two MCP sessions, running at once, out of each other's keys", async () => {
    const [a, b] = await Promise.all([session(), session()])
    await Promise.all([
      result(a, `async () => { await session.set('secret', 'of a'); return Array.from({ length: 400 }, (_, i) => i) }`),
      result(b, `async () => { await session.set('secret', 'of b') }`),
    ])
    const [seenByA, seenByB] = await Promise.all([
      result(a, `async () => ({ secret: await session.get('secret'), keys: await session.keys() })`),
      result(b, `async () => ({ secret: await session.get('secret'), keys: await session.keys(), handle: (await session.get('r1')) ?? null })`),
    ])
    expect(seenByA.result).toEqual({ secret: 'of a', keys: ['r1', 'secret'] })
    expect(seenByB.result).toEqual({ secret: 'of b', keys: ['secret'], handle: null })
  })

  it('treats prototype keys as ordinary keys and pollutes nothing', async () => {
    const c = await session()
    await result(c, `async () => { await session.set('__proto__', { polluted: true }); await session.set('constructor', { polluted: 1 }) }`)
    const answer = await result(
      c,
      `async () => ({
  proto: await session.get('__proto__'),
  ctor: await session.get('constructor'),
  keys: await session.keys(),
  clean: ({}).polluted === undefined && Object.prototype.polluted === undefined,
})`,
    )
    expect(answer.result).toEqual({ proto: { polluted: true }, ctor: { polluted: 1 }, keys: ['__proto__', 'constructor'], clean: true })
  })

  it.each([
    [
      'a function',
      `async () => session.set('f', { run: () => 1 })`,
      'session.set("f"): the value is not JSON: it holds a function (at key "run"). Store plain objects, arrays, strings, numbers, booleans and null at line 1',
    ],
    [
      'a BigInt',
      `async () => session.set('b', [1n])`,
      'session.set("b"): the value is not JSON: it holds a BigInt (at key "0"). Store plain objects, arrays, strings, numbers, booleans and null at line 1',
    ],
    [
      'a Map',
      `async () => session.set('m', new Map([[1, 2]]))`,
      'session.set("m"): the value is not JSON: it holds a Map. Store plain objects, arrays, strings, numbers, booleans and null at line 1',
    ],
    [
      'a cycle',
      `async () => { const a = { b: {} }; a.b.a = a; await session.set('c', a) }`,
      'session.set("c"): the value is not JSON: it refers to itself (a cycle). Store plain objects, arrays, strings, numbers, booleans and null at line 1',
    ],
    ['undefined', `async () => session.set('u', undefined)`, 'session.set("u"): the value is undefined, which JSON cannot hold; to remove a key use session.delete("u") at line 1'],
    ['a key that is not a string', `async () => session.get(7)`, 'session.get(number): the key must be a string; got number at line 1'],
    [
      'a huge key',
      `async () => { await session.set('k'.repeat(100_000), 1) }`,
      `session.set("${'k'.repeat(40)}…"): the key is 100,000 characters, over the 32-character limit per key (SESSION_MAX_KEY_CHARS); use a shorter key at line 1`,
    ],
    [
      'an oversized value',
      `async () => { await session.set('big', 'x'.repeat(5000)) }`,
      'session.set("big"): the value\'s JSON is 5,002 bytes, over the 4,096-byte limit per value (SESSION_MAX_VALUE_BYTES); store fewer items or only the fields you need at line 1',
    ],
  ])('refuses %s, naming what to do', async (_name, code, want) => {
    const { text, isError } = await run(await session(), code)
    expect(isError).toBe(true)
    expect(text).toBe(want)
  })

  it('refuses one key more than the limit', async () => {
    const { text } = await run(await session(), `async () => { for (let i = 0; i < 6; i++) await session.set('k' + i, i) }`)
    expect(text).toBe(
      'session.set("k5"): the session already holds 5 keys, the limit (SESSION_MAX_KEYS); session.delete keys you no longer need, or keep related values under one key at line 1',
    )
  })

  it('refuses a value that would fill the session past its limit, and keeps what was stored', async () => {
    const c = await session()
    const { text } = await run(c, `async () => { for (let i = 0; i < 3; i++) await session.set('v' + i, 'x'.repeat(4000)) }`)
    expect(text).toBe(
      'session.set("v2"): the session would hold 12,006 bytes, over the 10,000-byte limit per session (SESSION_MAX_BYTES); session.delete values you no longer need at line 1',
    )
    expect((await result(c, `async () => session.keys()`)).result).toEqual(['v0', 'v1'])
  })

  it("counts bytes read from the store against the execution's byte budget", async () => {
    const c = await session()
    await result(c, `async () => { await session.set('a', 'x'.repeat(4000)) }`)
    const { text } = await run(c, `async () => { for (let i = 0; i < 6; i++) await session.get('a') }`)
    expect(text).toBe(
      'session.get("a"): reading its 4,002 bytes would pass this execution\'s budget of 20,000 bytes read (responses and session reads, EXECUTE_MAX_RESPONSE_BYTES); read it in another execute at line 1',
    )
  })
})
