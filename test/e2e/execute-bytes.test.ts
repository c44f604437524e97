// The per-execution budget of bytes received from upstream, on its own server so its small limit touches no other test.

import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { startPrism, type Upstream } from '../support/prism.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const PETSTORE = join(SHARED_SPECS, 'petstore.yaml')
let prism: Upstream
let server: TestServer
let client: Client

beforeAll(async () => {
  prism = await startPrism(PETSTORE)
  server = await startServer({
    generated: generate([PETSTORE]),
    vars: { API_CONFIG: { petstore: { baseUrl: prism.url } }, EXECUTE_MAX_RESPONSE_BYTES: '1000' },
    secrets: { PETSTORE_API_TOKEN: 'token' },
  })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await prism?.stop()
})

it('stops reading upstream once the execution has received its byte budget', async () => {
  const { text, isError } = await callTool(client, 'execute', {
    code: 'async () => { const sizes: number[] = []; for (let i = 0; i < 20; i++) { const p = await petstore.getPetById({ petId: 1 }); sizes.push(JSON.stringify(p).length) } return sizes }',
  })
  expect(isError).toBe(true)
  expect(text).toMatch(/^petstore\.getPetById: response exceeded the \d+-byte budget for this execution; request fewer items \(a smaller page size or a filter\)/)
})

it('gives the next execution a fresh budget', async () => {
  const { text, isError } = await callTool(client, 'execute', { code: 'async () => (await petstore.getPetById({ petId: 1 })).name' })
  expect(isError).toBe(false)
  expect(JSON.parse(text).result).toBe('doggie')
})
