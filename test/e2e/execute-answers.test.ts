// Answers an agent acts on at the first try, on the execute side: what a result is when it looks like nothing,
// what is wrong before anything runs, and a dry run that lists requests without sending them. The real Worker in
// workerd, the official MCP client, and an echoing upstream that records whatever reaches it.
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EchoUpstream, startEchoUpstream } from '../support/echo-upstream.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const SECRET = 'petstore-secret-5e1d04'
let upstream: EchoUpstream
let server: TestServer
let client: Client

beforeAll(async () => {
  const generated = generate([join(SHARED_SPECS, 'petstore.yaml')])
  upstream = await startEchoUpstream()
  server = await startServer({ generated, vars: { API_CONFIG: { petstore: { baseUrl: upstream.url } } }, secrets: { PETSTORE_API_TOKEN: SECRET } })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await upstream?.stop()
})

const run = (code: string, extra: Record<string, unknown> = {}) => callTool(client, 'execute', { code, ...extra })

describe('results that say what happened', () => {
  it('names the fields a projection of a missing value dropped', async () => {
    const { text, isError } = await run('async () => { const r = await petstore.getPetById({ petId: 1 }); return { id: r.result?.id, name: r.result?.name } }')
    expect(isError).toBe(false)
    const answer = JSON.parse(text)
    expect(answer.result).toEqual({})
    expect(answer.note).toBe('result.id and result.name are undefined, so JSON dropped them')
  })

  it.each([
    ['returns nothing', 'async () => { await petstore.getInventory() }', 'result is undefined (the code returned nothing), shown as null'],
    ['returns null', 'async () => null', 'result is null'],
    ['returns an empty list', 'async () => { const pets = [1, 2].filter((x) => x > 5); return pets }', 'result is an empty array'],
    ['returns an empty field', 'async () => ({ pets: [], total: 0 })', 'result.pets is an empty array'],
  ])('says so when the code %s', async (_name, code, note) => {
    const { text } = await run(code)
    expect(JSON.parse(text).note).toBe(note)
  })
})

describe('checks before running', () => {
  it('names the closest operations for a misspelt one, and sends nothing, not even the calls before it', async () => {
    const before = upstream.requests.length
    const { text, isError } = await run('async () => {\n  await petstore.getInventory()\n  return await petstore.getPetByIdd({ petId: 1 })\n}')
    expect(isError).toBe(true)
    expect(text).toBe(
      'Not run: checked before running, nothing was sent. Fix these and call execute again:\nline 3: petstore.getPetByIdd is not an operation of petstore. Did you mean petstore.getPetById? Use search to find operation names.',
    )
    expect(upstream.requests.length).toBe(before)
  })

  it('names the operation, field and line of a literal input that fails the schema', async () => {
    const before = upstream.requests.length
    const { text, isError } = await run('async () => {\n  const a = await petstore.getPetById({ petId: 1 })\n  return petstore.findPetsByStatus({\n    state: "sold" })\n}')
    expect(isError).toBe(true)
    expect(text).toBe(
      'Not run: checked before running, nothing was sent. Fix these and call execute again:\nline 4: petstore.findPetsByStatus: unknown field "state"; did you mean status? Fix the input; call search with "findPetsByStatus" to see its signature.',
    )
    expect(upstream.requests.length).toBe(before)
  })

  it('leaves computed inputs to the host, which still refuses them as it sends', async () => {
    const { text, isError } = await run('async () => { const id = "seven"; return petstore.getPetById({ petId: id }) }')
    expect(isError).toBe(true)
    expect(text).toBe('petstore.getPetById: petId must be integer; got string "seven". Call search with "getPetById" to see its signature.')
  })
})

describe('dry run', () => {
  const ACCEPT = 'application/json, */*;q=0.5'

  it('checks every call and lists the requests it would send, with no credential, and sends nothing', async () => {
    const before = upstream.requests.length
    const { text, isError } = await run(
      'async () => {\n  const pets = await petstore.findPetsByStatus({ status: "sold" })\n  await petstore.addPet({ body: { name: "Rex", photoUrls: ["u"] } })\n  return pets\n}',
      { dryRun: true },
    )
    expect(isError).toBe(false)
    expect(upstream.requests.length).toBe(before)
    expect(text).not.toContain(SECRET)
    const answer = JSON.parse(text)
    expect(answer.result).toBeNull()
    expect(answer.dryRun).toEqual({
      sent: 0,
      note: 'Dry run: nothing was sent. Each call was checked as usual and resolved to null (this server keeps no response examples from the spec). Run again without dryRun to send these.',
      requests: [
        { method: 'GET', url: `${upstream.url}/pet/findByStatus?status=sold`, headers: { accept: ACCEPT, authorization: 'Bearer [credential]' } },
        {
          method: 'POST',
          url: `${upstream.url}/pet`,
          headers: { accept: ACCEPT, authorization: 'Bearer [credential]', 'content-type': 'application/json' },
          body: { name: 'Rex', photoUrls: ['u'] },
        },
      ],
    })
    expect(answer.meter.apiCalls).toBe(2)
  })

  it('refuses what a real run would refuse, and still sends nothing', async () => {
    const before = upstream.requests.length
    const { text, isError } = await run('async () => { const name = ".."; return petstore.getUserByName({ username: name }) }', { dryRun: true })
    expect(isError).toBe(true)
    expect(text.split('\n')[0]).toBe('petstore.getUserByName: username ".." reads as the dot segment "..", which would send the request to another path; pass a real username')
    expect(text).toContain('"dryRun":{"sent":0')
    expect(upstream.requests.length).toBe(before)
  })
})
