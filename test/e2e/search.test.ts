// `search` through the real Worker and the official MCP client answers exactly as the offline CLI
// (`npm run search`) does over the same artifacts: one engine, one ranking, one answer text.

import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate, ROOT, SHARED_SPECS } from '../support/generate.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'

let generated: string
let server: TestServer
let client: Client

beforeAll(async () => {
  generated = generate(['cloudflare.json', 'petstore.yaml'].map((f) => join(SHARED_SPECS, f)))
  server = await startServer({ generated })
  client = await connect(server.mcpUrl)
})

afterAll(async () => {
  await client?.close()
  await server?.stop()
})

interface CliAnswer {
  text: string
  hits: { api: string; name: string }[]
}

function cli(query: string, options: { api?: string; page?: number } = {}): CliAnswer {
  const args = [
    'scripts/search.ts',
    '--json',
    '--generated',
    generated,
    ...(options.api ? ['--api', options.api] : []),
    ...(options.page ? ['--page', String(options.page)] : []),
    query,
  ]
  const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' })
  return JSON.parse(out) as CliAnswer
}

const ranked = (text: string) => [...text.matchAll(/^\d+\. (\w+)\.(\w+) — /gm)].map((m) => `${m[1]}.${m[2]}`)

describe('search through MCP', () => {
  it.each<[string, { query: string; api?: string; page?: number }]>([
    ['free text across every API', { query: 'how do I see which DNS entries my domain has' }],
    ['free text in one API', { query: 'delete a pet', api: 'petstore' }],
    ['a second page', { query: 'purge cache', api: 'cloudflare', page: 2 }],
    ['synonyms and stems', { query: 'remove a dns entry' }],
  ])('ranks %s exactly as the CLI', async (_name, args) => {
    const { text, isError } = await callTool(client, 'search', args)
    const offline = cli(args.query, args)
    expect(isError).toBe(false)
    // The same operations as the engine ranked; the page keeps one path's operations together.
    expect(ranked(text).toSorted()).toEqual(offline.hits.map((h) => `${h.api}.${h.name}`).toSorted())
    expect(ranked(text).length).toBe(6)
    expect(text).toBe(offline.text)
  })

  it('returns the same exact lookup as the CLI', async () => {
    const { text } = await callTool(client, 'search', { query: 'DELETE /pet/7' })
    expect(text.split('\n')[0]).toBe('petstore.deletePet — DELETE /pet/{petId} — Deletes a pet. [writes]')
    expect(text).toBe(cli('DELETE /pet/7').text)
  })
})
