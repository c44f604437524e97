// Each execute fetches the artifacts of the APIs its code names (src/execute/run-code.ts) before checking the code;
// ApiHost fetches them again for any call that reaches it (src/host/api-host.ts). An API named in a way a text scan
// does not see (a Unicode escape in the identifier) must still be checked in full and send exactly the checked
// request, never an unchecked one, and a fresh isolate must not fail such code with an internal error.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PetstoreStack, startPetstore } from '../support/petstore.ts'
import { callTool, connect } from '../support/server.ts'

let stack: PetstoreStack
let client: Client

beforeAll(async () => {
  stack = await startPetstore()
  // The stateless route loads nothing as a session starts: this isolate's first execute is the one under test.
  client = await connect(new URL('/mcp/stateless', stack.server.url))
})

afterAll(async () => {
  await client?.close()
  await stack?.stop()
})

describe('an API named through a Unicode escape, on an isolate that has not loaded it', () => {
  it('refuses bad input before sending, then sends exactly the checked request', async () => {
    const bad = await callTool(client, 'execute', { code: 'async () => p\\u0065tstore.getPetById({ petId: "x/../../admin" })' })
    expect(bad.isError).toBe(true)
    expect(bad.text).toContain('petstore.getPetById')
    expect(bad.text).not.toContain('Internal error')
    expect(stack.requests).toEqual([])
    const good = await callTool(client, 'execute', { code: 'async () => (await p\\u0065tstore.getPetById({ petId: 7 })).id' })
    expect(good.isError).toBe(false)
    expect(stack.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /pet/7'])
  })
})
