// A spec that cannot be served fails with the file, the JSON pointer, the problem and the fix; a lossy but
// servable one builds and says what it gave up. The messages are part of the interface.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../../codegen/build-api.ts'
import { formatProblem } from '../../codegen/spec-error.ts'

const dir = mkdtempSync(join(tmpdir(), 'codegen-errors-'))
const specFile = (name: string, text: string) => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}
const info = 'info: { title: t, version: "1" }\n'
const secured = 'components: { securitySchemes: { t: { type: http, scheme: bearer } } }\n'
const failure = async (file: string) =>
  (
    await buildApi(file, 'x').then(
      () => 'built',
      (e: Error) => e.message,
    )
  ).replace(`${dir}/`, '')

describe('specs that cannot be served', () => {
  it.each([
    [
      'broken YAML, with the position',
      {
        name: 'syntax.yaml',
        text: 'openapi: 3.0.0\ninfo: [\n',
        want: 'syntax.yaml: 1 problem(s)\n  at #: not valid JSON or YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1. Fix: correct the syntax at the position given',
      },
    ],
    [
      'broken JSON, with the position',
      {
        name: 'syntax.json',
        text: '{"openapi": "3.0.0",}',
        want: 'syntax.json: 1 problem(s)\n  at #: not valid JSON or YAML: Expected double-quoted property name in JSON at position 20 (line 1 column 21). Fix: correct the syntax at the position given',
      },
    ],
    [
      'a document that is not an object',
      {
        name: 'list.yaml',
        text: '- a\n- b\n',
        want: 'list.yaml: 1 problem(s)\n  at #: the document is not an object. Fix: an OpenAPI document starts with `openapi: 3.x` or `swagger: "2.0"`',
      },
    ],
    [
      'an unknown version',
      {
        name: 'version.yaml',
        text: `openapi: 2.5.0\n${info}paths: {}\n`,
        want: 'version.yaml: 1 problem(s)\n  at #/openapi: unsupported version "2.5.0". Fix: set `openapi: 3.0.3` or `openapi: 3.1.0` (or `swagger: "2.0"`)',
      },
    ],
    [
      'no version at all',
      {
        name: 'bare.yaml',
        text: `${info}paths: {}\n`,
        want: 'bare.yaml: 1 problem(s)\n  at #/openapi: unsupported version null. Fix: set `openapi: 3.0.3` or `openapi: 3.1.0` (or `swagger: "2.0"`)',
      },
    ],
    [
      'no operations',
      {
        name: 'none.yaml',
        text: `openapi: 3.0.0\n${info}paths:\n  /empty: {}\n`,
        want: 'none.yaml: 1 problem(s)\n  at #/paths: no operations found. Fix: add at least one path with an operation',
      },
    ],
  ])('reports %s', async (_name, { name, text, want }) => {
    expect(await failure(specFile(name, text))).toBe(want)
  })
})

describe('specs that build with warnings', () => {
  const build = async (text: string) => (await buildApi(specFile('warn.yaml', text), 'x')).warnings.map(formatProblem)

  it('names the pointer of an undeclared path parameter and serves it as a string', async () => {
    expect(await build(`openapi: 3.0.0\n${info}${secured}paths:\n  /a/{id}:\n    get: { operationId: a, responses: { '200': { description: ok } } }\n`)).toEqual([
      '  at #/paths/~1a~1{id}/get: path parameter "id" is not declared; treating it as a required string. Fix: add { name: id, in: path, required: true }',
      '  at #/servers: no servers[0].url; calls need a base URL. Fix: add `servers: [{ url: https://… }]` or set baseUrl in configuration',
    ])
  })

  it('skips a parameter without a location and names it', async () => {
    const warnings = await build(
      `openapi: 3.0.0\n${info}${secured}servers: [{ url: 'https://x.example/' }]\npaths:\n  /a:\n    get: { operationId: a, parameters: [{ name: q }], responses: { '200': { description: ok } } }\n`,
    )
    expect(warnings).toEqual(['  at #/paths/~1a/get/parameters/0: parameter has no valid name or location; skipped. Fix: give it `name` and `in: path|query|header|cookie`'])
  })

  it('reads OpenAPI 3.2 as 3.1 and says so', async () => {
    expect(
      await build(
        `openapi: 3.2.0\n${info}${secured}servers: [{ url: 'https://x.example' }]\npaths:\n  /a:\n    get: { operationId: a, responses: { '200': { description: ok } } }\n`,
      ),
    ).toEqual(['  at #: OpenAPI 3.2.0 is read as 3.1.0; what later versions added is ignored'])
  })

  it('leaves parameters in credential slots out of the inputs, and says how many operations declared them', async () => {
    const text = `openapi: 3.0.0\n${info}servers: [{ url: 'https://x.example' }]
components: { securitySchemes: { k: { type: apiKey, in: query, name: key }, t: { type: http, scheme: bearer } } }
paths:
  /a:
    parameters: [{ name: Key, in: query, schema: { type: string } }]
    get: { operationId: a, parameters: [{ name: q, in: query, schema: { type: string } }], responses: { '200': { description: ok } } }
  /b:
    get: { operationId: b, parameters: [{ name: Authorization, in: header, required: true, schema: { type: string } }], responses: { '200': { description: ok } } }
  /c:
    get:
      operationId: c
      security: [{ t: [] }]
      parameters: [{ name: key, in: query, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`
    const result = await buildApi(specFile('credential-params.yaml', text), 'x')
    expect(result.operations.map((op) => [op.name, op.params.map((p) => p.name), op.input.required, op.security])).toEqual([
      ['a', ['q'], [], undefined],
      ['b', [], [], undefined],
      // A required credential parameter: its scheme joins the requirement, so the host sends both.
      ['c', [], [], [['t', 'k']]],
    ])
    expect(result.typeIndex.operations.b?.signature).toBe('x.b(): Promise<unknown>')
    expect(result.warnings.map(formatProblem)).toEqual([
      '  at #/paths: 1 operation(s) declare the query parameter "Key", a slot the host fills with the credential (or the request\'s own framing); it is left out of their inputs. Fix: declare the credential in components.securitySchemes only',
      '  at #/paths: 1 operation(s) declare the header parameter "Authorization", a slot the host fills with the credential (or the request\'s own framing); it is left out of their inputs. Fix: declare the credential in components.securitySchemes only',
      '  at #/paths: 1 operation(s) declare the query parameter "key", a slot the host fills with the credential (or the request\'s own framing); it is left out of their inputs. Fix: declare the credential in components.securitySchemes only',
    ])
  })

  it('offers a bearer scheme when the spec declares none, and says so', async () => {
    const text = `openapi: 3.0.0\n${info}servers: [{ url: 'https://x.example' }]\npaths:\n  /a:\n    get: { operationId: a, responses: { '200': { description: ok } } }\n`
    const result = await buildApi(specFile('open.yaml', text), 'x')
    expect(result.meta).toMatchObject({ securitySchemes: [{ name: 'bearer', type: 'http', scheme: 'bearer' }], defaultScheme: 'bearer' })
    expect(result.warnings.map(formatProblem)).toEqual([
      '  at #/components/securitySchemes: no security schemes declared; a configured secret is sent as `Authorization: Bearer <secret>`. Fix: declare the scheme the API uses in components.securitySchemes',
    ])
  })

  it('fills server variables with their defaults and warns about one without', async () => {
    const text = `openapi: 3.0.0\n${info}${secured}servers: [{ url: 'https://{region}.x.example/{v}', variables: { region: { default: eu }, v: { enum: [v1] } } }]\npaths:\n  /a:\n    get: { operationId: a, responses: { '200': { description: ok } } }\n`
    const result = await buildApi(specFile('vars.yaml', text), 'x')
    expect(result.meta.baseUrl).toBe('https://eu.x.example/{v}')
    expect(result.warnings.map(formatProblem)).toEqual(['  at #/servers/0/url: server variable {v} has no default. Fix: set a base URL in configuration'])
  })
})
