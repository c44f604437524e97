// The audit trail against the real Worker and Prism: one line per upstream call on every route, written after the
// execution has answered (src/host/audit-log.ts) and none lost for it: on /mcp (answered by the session object),
// on /mcp/stateless (the Worker itself, which must keep the request alive until they are written), and when the
// execution fails after its calls.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

let stack: PetstoreStack

beforeAll(async () => {
  stack = await startPetstore({ logLevel: 'log' })
}, 120_000)

afterAll(async () => {
  await stack?.stop()
})

const THREE_CALLS = 'async () => { const names = []; for (const petId of [1, 2, 3]) names.push((await petstore.getPetById({ petId })).name); return names.length }'

/** The audit lines the Worker writes while `run` runs and for up to two seconds after, until `count` have arrived. */
async function auditLines(count: number, run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const spy = vi.spyOn(console, 'log')
  const audits = () =>
    spy.mock.calls
      .map((c) => c.map(String).join(' '))
      .filter((l) => l.includes('"audit"'))
      .map((l) => JSON.parse(l.slice(l.indexOf('{'))))
  try {
    await run()
    for (let waited = 0; audits().length < count && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 200))
    return audits()
  } finally {
    spy.mockRestore()
  }
}

const LINE = {
  audit: 'upstream-call',
  at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  user: null,
  api: 'petstore',
  operation: 'getPetById',
  method: 'GET',
  status: 200,
  ms: expect.any(Number),
}

describe('audit lines', () => {
  for (const route of ['/mcp', '/mcp/stateless']) {
    it(`writes one line per upstream call on ${route}`, async () => {
      const client = await connect(new URL(route, stack.server.url))
      let answer = ''
      const lines = await auditLines(3, async () => {
        answer = (await callTool(client, 'execute', { code: THREE_CALLS })).text
      })
      expect(JSON.parse(answer).result).toBe(3)
      expect(lines).toEqual([LINE, LINE, LINE])
      await client.close()
    })
  }

  it('writes a line for a write as well as for a read', async () => {
    const client = await connect(stack.server.mcpUrl)
    const lines = await auditLines(2, async () => {
      await callTool(client, 'execute', {
        code: "async () => { await petstore.addPet({ body: { name: 'x', photoUrls: [] } }); return (await petstore.getPetById({ petId: 1 })).name }",
      })
    })
    expect(lines.map((l) => [l.operation, l.method])).toEqual([
      ['addPet', 'POST'],
      ['getPetById', 'GET'],
    ])
    await client.close()
  })

  it('writes the lines of an execution that fails after its calls', async () => {
    const client = await connect(stack.server.mcpUrl)
    let failed = false
    const lines = await auditLines(2, async () => {
      failed = (
        await callTool(client, 'execute', {
          code: "async () => { await petstore.getPetById({ petId: 1 }); await petstore.getPetById({ petId: 2 }); throw new Error('after two') }",
        })
      ).isError
    })
    expect(failed).toBe(true)
    expect(lines.map((l) => [l.operation, l.status])).toEqual([
      ['getPetById', 200],
      ['getPetById', 200],
    ])
    await client.close()
  })
})
