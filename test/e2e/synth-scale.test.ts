// Scale: a synthetic spec of 10,000 operations (scripts/synth-spec.ts) builds, and the Worker serves it: search
// finds an operation among them and execute calls one against Prism.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { synthSpec } from '../../scripts/synth-spec.ts'
import { type BenchUpstream, startUpstream } from '../../scripts/tokens/start-upstream.ts'
import { generate } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

const OPERATIONS = 10_000
let prism: BenchUpstream
let server: TestServer
let client: Client

beforeAll(async () => {
  const doc = synthSpec(OPERATIONS)
  const spec = join(mkdtempSync(join(tmpdir(), 'synth-')), 'synth.json')
  writeFileSync(spec, JSON.stringify(doc))
  const generated = generate([spec])
  // Its schemas refer to each other in one long ring, which Prism may not load in time: startUpstream falls back.
  prism = await startUpstream(doc)
  server = await startServer({ generated, vars: { API_CONFIG: { synth: { baseUrl: prism.url } } }, secrets: { SYNTH_API_TOKEN: 'synth-token' } })
  client = await connect(server.mcpUrl)
}, 900_000)

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await prism?.stop()
})

describe(`a synthetic API of ${OPERATIONS} operations`, () => {
  it('finds one operation by its exact name and by its words', async () => {
    const exact = await callTool(client, 'search', { query: 'synth.getResource1234' })
    expect(exact.text.split('\n')[0]).toBe('synth.getResource1234 — GET /v1/group34/resource1234/{id} — Get resource 1234')
    const words = await callTool(client, 'search', { query: 'get resource 1234' })
    expect(words.text).toContain('synth.getResource1234')
  })

  it('calls an operation against Prism with the credential', async () => {
    const { text, isError } = await callTool(client, 'execute', { code: "async () => { const r = await synth.getResource1999({ id: 'a' }); return typeof r }" })
    expect(isError, text).toBe(false)
    expect(JSON.parse(text)).toMatchObject({ result: 'object', meter: { apiCalls: 1 } })
  })
})
