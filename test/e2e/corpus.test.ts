// Every spec in ../shared/openapi and its corpus/ through the whole product: codegen builds it, its sdk.d.ts
// typechecks, search finds its operations under its own namespace, and execute calls a few of them against Prism.
// One Worker serves every API at once; Prism servers start a few at a time behind one router.

import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { loadSpec } from '../../codegen/load-spec.ts'
import { nameApi } from '../../codegen/name-api.ts'
import { resolvePointer } from '../../codegen/resolve-ref.ts'
import type { ApiMeta, JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { type ApiRouter, startApiRouter } from '../support/api-router.ts'
import { generate, ROOT, SHARED_SPECS } from '../support/generate.ts'
import { startPrism } from '../support/prism.ts'
import { prismReady } from '../support/prism-ready.ts'
import { sampleInput } from '../support/sample-input.ts'
import { callTool, connect, startServer, type TestServer } from '../support/server.ts'
import { PRISM_SKIPS } from './corpus-prism-skips.ts'

const list = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/i.test(f))
    .sort()
    .map((f) => join(dir, f))
const SPECS = [...list(SHARED_SPECS), ...list(join(SHARED_SPECS, 'corpus'))]
const label = (file: string) => file.slice(SHARED_SPECS.length + 1)
const CALLS_PER_SPEC = 3
const PRISM_START_MS = 600_000
// One credential per kind: a bearer token may not hold a colon, and basic auth takes `user:password`.
const SECRETS = { CORPUS_TOKEN: 'corpus-token-3e1f', CORPUS_BASIC: 'corpus:token-3e1f' }

let generated: string
let router: ApiRouter
let server: TestServer
let client: Client
let typecheck: Promise<string>

beforeAll(async () => {
  generated = generate(SPECS)
  typecheck = tsc(SPECS.map((f) => join(generated, nameApi(f), 'sdk.d.ts')))
  router = await startApiRouter()
  // As an operator would: a secret for every scheme, so AND requirements (Trello's key + token) are met.
  const secretsFor = (api: string) =>
    Object.fromEntries(table(api).meta.securitySchemes.map((s) => [s.name, s.type === 'http' && s.scheme === 'basic' ? 'CORPUS_BASIC' : 'CORPUS_TOKEN']))
  const API_CONFIG = Object.fromEntries(SPECS.map((f) => [nameApi(f), { baseUrl: `${router.url}/${nameApi(f)}`, auth: { secrets: secretsFor(nameApi(f)) } }]))
  server = await startServer({ generated, vars: { API_CONFIG }, secrets: SECRETS })
  client = await connect(server.mcpUrl)
}, 900_000)

afterAll(async () => {
  await client?.close()
  await server?.stop()
  await router?.stop()
})

const table = (api: string) => JSON.parse(readFileSync(join(generated, api, 'operations.json'), 'utf8')) as { meta: ApiMeta; operations: OperationSpec[] }
const schemas = (api: string) => JSON.parse(readFileSync(join(generated, api, 'schemas.json'), 'utf8')) as Record<string, JsonSchema>

describe.concurrent.each(SPECS.map((f) => [label(f), f, nameApi(f)]))('%s', (name, file, api) => {
  it('builds and its sdk.d.ts typechecks', async ({ expect }) => {
    expect(table(api).operations.length).toBeGreaterThan(0)
    const errors = (await typecheck).split('\n').filter((l) => l.includes(`/${api}/sdk.d.ts(`))
    expect(errors).toEqual([])
  })

  it('is found by search, under its own namespace', async ({ expect }) => {
    const op = table(api).operations[0] as OperationSpec
    const exact = await callTool(client, 'search', { query: `${api}.${op.name}` })
    expect(exact.text.split('\n')[0]).toContain(`${api}.${op.name} — ${op.method} ${op.path}`)
    // Free text: the operation's summary and the words of its name, limited to this API.
    const query = `${op.summary ?? ''} ${op.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[^A-Za-z0-9]+/g, ' ')}`.trim()
    const words = await callTool(client, 'search', { query, api })
    expect(words.isError).toBe(false)
    expect(words.text).toMatch(new RegExp(`^(1\\. )?${api}\\.`, 'm'))
  })

  it.skipIf(Object.hasOwn(PRISM_SKIPS, name))('executes a few operations against Prism', { timeout: PRISM_START_MS + 120_000 }, async ({ expect }) => {
    const prism = await startPrism(prismReady(file), PRISM_START_MS)
    router.route(api, prism.url)
    try {
      const ops = pickOperations(table(api), file)
      const calls = ops.map((op) => `[${JSON.stringify(op.name)}, () => ${api}.${op.name}(${JSON.stringify(sampleInput(op, schemas(api)))})]`)
      const code = `async () => { const out: string[] = []; for (const [name, call] of [${calls.join(', ')}] as const) { try { await call(); out.push(name + ': ok') } catch (e: any) { out.push(name + ': ' + e.message) } } return out }`
      const { text, isError } = await callTool(client, 'execute', { code })
      expect(isError, text).toBe(false)
      const outcomes = JSON.parse(text).result as string[]
      // Every call left the host and came back; at least one was answered with a mocked success.
      for (const line of outcomes) expect(line).toMatch(/: ok$|: upstream answered \d{3}/)
      expect(
        outcomes.some((l) => l.endsWith(': ok')),
        outcomes.join('\n'),
      ).toBe(true)
      expect(router.requests.get(api)?.length).toBe(ops.length)
    } finally {
      router.route(api, undefined)
      await prism.stop()
    }
  })
})

/**
 * Up to three reads that the one configured credential can authorize, fewest required inputs first. The operation
 * table flattens security requirements to names, so the spec's own requirement objects decide: one that names only
 * the default scheme (requirements list schemes that must all be present).
 */
function pickOperations({ meta, operations }: { meta: ApiMeta; operations: OperationSpec[] }, file: string): OperationSpec[] {
  const { doc } = loadSpec(file)
  const required = (op: OperationSpec) => ((op.input.required as string[]) ?? []).length
  const authorizable = (op: OperationSpec) => {
    const raw = resolvePointer(doc, op.pointer) as { security?: Record<string, unknown>[] } | undefined
    const reqs = raw?.security ?? (doc.security as Record<string, unknown>[] | undefined)
    if (!Array.isArray(reqs) || reqs.length === 0) return true
    return reqs.some((r) => Object.keys(r ?? {}).length === 0 || (Object.keys(r).length === 1 && Object.keys(r)[0] === meta.defaultScheme))
  }
  const ours = operations.filter(authorizable)
  const ops = ours.length ? ours : operations
  const reads = ops.filter((op) => op.method === 'GET')
  return [...(reads.length ? reads : ops)].sort((a, b) => required(a) - required(b)).slice(0, CALLS_PER_SPEC)
}

/** Runs tsc over the emitted declarations once and returns its output (empty when everything typechecks). */
function tsc(files: string[]): Promise<string> {
  const args = [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--lib', 'es2023', '--types', 'node', ...files]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.stderr.on('data', (c) => (out += c))
    child.on('close', () => resolve(out))
  })
}
