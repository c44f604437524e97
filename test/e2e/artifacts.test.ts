// Each API's artifacts are static assets of the Worker, read through its ASSETS binding on first use
// (src/catalog.ts): never served at a URL, and a script whose artifacts are missing (a deploy that mixed two
// builds) says which and what to do, and keeps serving.
import { cpSync, mkdtempSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRegistry } from '../../scripts/load-catalog.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

let generated: string
let version: string
const servers: TestServer[] = []
const clients: Client[] = []

beforeAll(() => {
  generated = generate([join(SHARED_SPECS, 'petstore.yaml')])
  version = readRegistry(generated).petstore!.version
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await Promise.all(servers.map((s) => s.stop()))
})

async function serve(dir: string): Promise<{ server: TestServer; client: Client }> {
  const server = await startServer({ generated: dir })
  const client = await connect(server.mcpUrl)
  servers.push(server)
  clients.push(client)
  return { server, client }
}

describe('artifacts as static assets', () => {
  it('loads an API on its first search, and never serves the artifacts at a URL', async () => {
    const { server, client } = await serve(generated)
    expect((await callTool(client, 'search', { query: 'find pet by id' })).text).toContain('petstore.getPetById')
    for (const path of [`/petstore/${version}/operations.json`, `/petstore/${version}/schemas.json`, '/petstore/', `/assets/petstore/${version}/operations.json`]) {
      const response = await fetch(new URL(path, server.url))
      expect({ path, status: response.status }).toEqual({ path, status: 404 })
      expect(await response.text()).toBe('Not found. The MCP endpoint is /mcp.')
    }
  })

  it('names missing artifacts and what to do, and keeps serving', async () => {
    const mixed = join(mkdtempSync(join(tmpdir(), 'codemode-mixed-')), 'generated')
    cpSync(generated, mixed, { recursive: true })
    renameSync(join(mixed, 'assets/petstore', version), join(mixed, 'assets/petstore/0000000000000000'))
    const { server, client } = await serve(mixed)
    const answer = await callTool(client, 'search', { query: 'find pet by id' })
    expect(answer).toEqual({
      isError: true,
      text: `Internal error: The petstore API's artifacts are missing from the Worker's static assets (/petstore/${version}/operations.json: HTTP 404). Run \`npm run codegen\` and deploy again, so the script and generated/assets/ come from the same build. The server is still running; try again.`,
    })
    expect((await callTool(client, 'execute', { code: 'return petstore.getPetById({ petId: 1 })' })).text).toContain("The petstore API's artifacts are missing")
    expect((await fetch(new URL('/', server.url))).status).toBe(200)
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['search', 'execute'])
  })
})
