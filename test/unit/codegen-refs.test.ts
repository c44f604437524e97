// `$ref` handling: cycles stay references, deep pointers are hoisted to named schemas, and anything that cannot be
// followed becomes `unknown` with a warning that names the pointer.
import { describe, expect, it } from 'vitest'
import { inlineRefs } from '../../codegen/inline-refs.ts'
import { repairRefs } from '../../codegen/repair-refs.ts'
import type { Json } from '../../codegen/resolve-ref.ts'
import type { SpecProblem } from '../../codegen/spec-error.ts'

const repaired = (doc: Json) => {
  const warnings: SpecProblem[] = []
  repairRefs(doc, warnings)
  return { doc, schemas: (doc.components as Json).schemas as Json, warnings: warnings.map((w) => `${w.pointer}: ${w.message}. Fix: ${w.fix}`) }
}
const getSchema = (doc: Json, path: string) => (((doc.paths as Json)[path] as Json).get as Json).responses as Json

describe('repairRefs', () => {
  it.each([
    [
      'a self-referencing schema stays a reference',
      {
        given: { components: { schemas: { Node: { properties: { next: { $ref: '#/components/schemas/Node' } } } } } },
        want: { next: { $ref: '#/components/schemas/Node' } },
        warnings: [],
      },
    ],
    [
      'a mutual cycle stays references',
      {
        given: { components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } }, B: { properties: { a: { $ref: '#/components/schemas/A' } } } } } },
        want: { b: { $ref: '#/components/schemas/B' } },
        warnings: [],
      },
    ],
    [
      'a pointer into another schema is hoisted under a derived name',
      {
        given: { components: { schemas: { Tag: { allOf: [{ type: 'string' }] }, N: { properties: { t: { $ref: '#/components/schemas/Tag/allOf/0' } } } } } },
        want: { t: { $ref: '#/components/schemas/Tag_allOf_0' } },
        warnings: [],
      },
    ],
    [
      'a reference loop with no schema at its end becomes unknown, once',
      {
        given: {
          components: {
            schemas: { X: { $ref: '#/components/schemas/Y' }, Y: { $ref: '#/components/schemas/X' }, N: { properties: { x: { $ref: '#/components/schemas/X/properties/z' } } } },
          },
        },
        want: { x: {} },
        warnings: [
          '#/components/schemas/N/properties/x: $ref "#/components/schemas/X/properties/z" points nowhere (or only at other references); typed as unknown. Fix: point it at an existing definition',
          '#/components/schemas/Y: $ref "#/components/schemas/X" points nowhere (or only at other references); typed as unknown. Fix: point it at an existing definition',
        ],
      },
    ],
    [
      'an external reference becomes unknown',
      {
        given: { components: { schemas: { N: { properties: { e: { $ref: 'models/e.yaml' } } } } } },
        want: { e: {} },
        warnings: [
          '#/components/schemas/N/properties/e: $ref "models/e.yaml" is external and is not fetched; typed as unknown. Fix: bundle the spec into one file first (e.g. `redocly bundle`)',
        ],
      },
    ],
    [
      'a `$ref` key inside an example is data, not a reference',
      {
        given: { components: { schemas: { N: { properties: { e: { type: 'object', example: { $ref: 'nowhere' } } } } } } },
        want: { e: { type: 'object', example: { $ref: 'nowhere' } } },
        warnings: [],
      },
    ],
  ])('%s', (_name, { given, want, warnings }) => {
    const out = repaired(structuredClone(given) as Json)
    expect((out.schemas.N ?? out.schemas.Node ?? out.schemas.A) as Json).toMatchObject({ properties: want })
    expect(out.warnings).toEqual(warnings)
  })

  it('hoists a schema defined deep inside a path and points the reference at it', () => {
    const inner = { type: 'object', properties: { id: { type: 'string' } } }
    const ref = { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema' }
    const doc = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: inner } } } } } },
        '/b': { get: { responses: { 200: { content: { 'application/json': { schema: ref } } } } } },
      },
    }
    const out = repaired(doc as Json)
    expect(out.schemas).toEqual({ get_200: inner })
    expect(getSchema(out.doc, '/b')).toEqual({ 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/get_200' } } } } })
  })

  it('drops vendor extensions that hold references, and discriminator mappings to files', () => {
    const doc = {
      'x-policy': { $ref: '../policies.yaml' },
      components: { schemas: { S: { oneOf: [], discriminator: { propertyName: 'k', mapping: { a: './a.yaml', b: '#/components/schemas/S' } } } } },
    } as Json
    const out = repaired(doc)
    expect(doc['x-policy']).toBeUndefined()
    expect(out.schemas.S).toEqual({ oneOf: [], discriminator: { propertyName: 'k', mapping: { b: '#/components/schemas/S' } } })
    expect(out.warnings).toEqual([
      '#/components/schemas/S/discriminator/mapping/a: discriminator mapping "./a.yaml" names no schema in components.schemas; entry dropped. Fix: map to "#/components/schemas/<Name>"',
    ])
  })

  it('walks a deeply nested schema without recursion limits', () => {
    let node: Json = { $ref: '#/components/schemas/Leaf' }
    for (let i = 0; i < 20_000; i++) node = { type: 'array', items: node }
    const out = repaired({ components: { schemas: { Deep: node, Leaf: { type: 'string' } } } })
    expect(out.warnings).toEqual([])
  })
})

describe('inlineRefs', () => {
  it('inlines shared parameters, including ones referenced by a pointer into another path', () => {
    const param = { name: 'page', in: 'query', schema: { $ref: '#/components/schemas/Page' } }
    const doc = {
      paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Page' }] } }, '/b': { get: { parameters: [{ $ref: '#/paths/~1a/get/parameters/0' }] } } },
      components: { parameters: { Page: param } },
    }
    const out = inlineRefs(doc as Json) as { paths: Record<string, { get: { parameters: unknown[] } }> }
    expect(out.paths['/a']?.get.parameters).toEqual([param])
    expect(out.paths['/b']?.get.parameters).toEqual([param])
  })

  it('stops at a cycle of path item references instead of looping', () => {
    const doc = { paths: { '/a': { $ref: '#/paths/~1b' }, '/b': { $ref: '#/paths/~1a' } } }
    expect(() => inlineRefs(doc as Json)).not.toThrow()
  })
})
