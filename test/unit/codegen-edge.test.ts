// The awkward constructs of test/unit/__fixtures__/edge-31.yaml, each as the host and the model will see it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildApi } from '../../codegen/build-api.ts'
import { describeApi } from '../../codegen/describe-api.ts'

const result = await buildApi(join(import.meta.dirname, '__fixtures__/edge-31.yaml'), 'edge')
const op = (name: string) => result.operations.find((o) => o.name === name)
const signature = (name: string) => result.typeIndex.operations[name]?.signature

describe('an OpenAPI 3.1 spec full of edge cases', () => {
  it('fills server variables with their defaults and keeps a malformed YAML date as text', () => {
    expect(result.meta).toMatchObject({ baseUrl: 'https://eu.example.org/v2', version: '2024-13-45', defaultScheme: 'token' })
  })

  it('merges path-level parameters and keeps header and cookie locations', () => {
    expect(op('itemsGet')?.params.map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`)).toEqual(['path:itemId!', 'header:X-Trace', 'cookie:session', 'query:fields'])
    expect(op('itemsGet')?.params.find((p) => p.name === 'fields')).toMatchObject({ style: 'form', explode: false })
  })

  it.each([
    ['itemsGet2', 'application/x-www-form-urlencoded', true],
    ['op2UploadFile', 'application/octet-stream', false],
    ['constructorOperation', 'multipart/form-data', false],
  ])('sends the body of %s as %s', (name, mediaType, required) => {
    expect(op(name)?.body).toEqual({ mediaType, required })
  })

  it('names duplicate, missing, invalid and reserved operationIds', () => {
    expect(result.operations.map((o) => [o.name, o.operationId ?? null])).toEqual([
      ['itemsGet', 'items.get'],
      ['itemsGet2', 'items.get'],
      ['deleteItemsByItemId', null],
      ['op2UploadFile', '2-upload file!'],
      ['constructorOperation', 'constructor'],
      ['getDeep', 'getDeep'],
    ])
  })

  it('types 3.1 type arrays, null, const, cycles and composition', () => {
    expect(result.typeIndex.types.Node).toBe('type Node = { id: string | number; kind?: "node"; parent?: Node; children?: Node[]; label?: null; created?: string }')
    expect(result.typeIndex.types.Square).toBe('type Square = { kind?: "square"; side?: number } | null')
    expect(signature('constructorOperation')).toBe('edge.constructorOperation(input?: { body?: { file?: string; note?: string | null } }): Promise<Shape>')
  })

  it('serves a schema referenced by a pointer into another schema under its own name', () => {
    expect(signature('getDeep')).toBe('edge.getDeep(): Promise<NodeChildren>')
    expect(result.schemas.Node_children).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Node' } })
  })

  it('marks the deprecated operation in the SDK declarations', () => {
    expect(op('deleteItemsByItemId')?.deprecated).toBe(true)
    expect(result.sdk).toContain('  /** @deprecated DELETE /items/{itemId} (#/paths/~1items~1{itemId}/delete) */\n  deleteItemsByItemId(')
  })
})

describe('the default auth scheme', () => {
  it('counts the global requirement once for every operation that inherits it', () => {
    const paths: Record<string, { get: { security?: Record<string, string[]>[]; responses: object } }> = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`/items/${i}`, { get: { responses: {} } }]),
    )
    paths['/admin/a'] = { get: { security: [{ oauth: [] }], responses: {} } }
    paths['/admin/b'] = { get: { security: [{ oauth: [] }], responses: {} } }
    const doc = {
      security: [{ key: [] }],
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, oauth: { type: 'oauth2', flows: {} } } },
      paths,
    }
    expect(describeApi(doc, []).defaultScheme).toBe('key')
  })
})
