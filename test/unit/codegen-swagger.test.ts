// Swagger 2.0 comes in through swagger2openapi: bodies, form data, hosts and security schemes must survive it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../../codegen/build-api.ts'
import { convertSwagger2 } from '../../codegen/convert-swagger2.ts'

const FIXTURE = join(import.meta.dirname, '__fixtures__/swagger-20.yaml')

describe('convertSwagger2', () => {
  it.each([
    ['OpenAPI 3.0 passes through untouched', { given: { openapi: '3.0.3', paths: {} }, want: { openapi: '3.0.3', paths: {} }, warnings: [] }],
    ['OpenAPI 3.1 passes through untouched', { given: { openapi: '3.1.0', paths: {} }, want: { openapi: '3.1.0', paths: {} }, warnings: [] }],
    ['a version without a patch number is accepted', { given: { openapi: '3.0', paths: {} }, want: { openapi: '3.0', paths: {} }, warnings: [] }],
    [
      'Swagger 2.0 becomes OpenAPI 3.0 with its host as the server',
      {
        given: { swagger: '2.0', info: { title: 't', version: '1' }, host: 'h.example', basePath: '/v1', schemes: ['https'], paths: {} },
        want: { openapi: '3.0.0', servers: [{ url: 'https://h.example/v1' }] },
        warnings: ['converted from Swagger 2.0 with swagger2openapi'],
      },
    ],
  ])('%s', async (_name, { given, want, warnings }) => {
    const out = await convertSwagger2('spec.yaml', given)
    expect(out.doc).toMatchObject(want)
    expect(out.warnings).toEqual(warnings)
  })

  it.each([
    ['an OpenAPI 4 document', { openapi: '4.0.0' }, 'unsupported version "4.0.0"'],
    ['Swagger 1.2', { swaggerVersion: '1.2', swagger: '1.2' }, 'unsupported version "1.2"'],
  ])('rejects %s with the pointer and the fix', async (_name, given, message) => {
    await expect(convertSwagger2('spec.yaml', given)).rejects.toThrow(
      `spec.yaml: 1 problem(s)\n  at #/openapi: ${message}. Fix: set \`openapi: 3.0.3\` or \`openapi: 3.1.0\` (or \`swagger: "2.0"\`)`,
    )
  })
})

describe('a Swagger 2.0 spec through the whole build', () => {
  it('keeps body and form-data parameters as request bodies, the base URL and the API key scheme', async () => {
    const result = await buildApi(FIXTURE, 'legacy')
    expect(result.meta).toMatchObject({
      baseUrl: 'https://legacy.example.org/api',
      defaultScheme: 'key',
      securitySchemes: [{ name: 'key', type: 'apiKey', in: 'query', paramName: 'api_key' }],
    })
    expect(result.operations.map((op) => [op.name, op.method, op.path, op.body?.mediaType, op.params.map((p) => `${p.in}:${p.name}`)])).toEqual([
      ['addPet', 'POST', '/pets', 'application/json', []],
      ['uploadPhoto', 'POST', '/pets/{id}/photo', 'multipart/form-data', ['path:id']],
    ])
    expect(result.typeIndex.operations.addPet?.signature).toBe('legacy.addPet(input: { body: Pet }): Promise<Pet>')
    expect(result.typeIndex.types.Pet).toBe('type Pet = { name: string; tag?: string | null }')
  })
})
