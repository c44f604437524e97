import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../../src/artifacts.ts'
import { validateInput } from '../../src/host/validate-input.ts'

const schemas: Record<string, JsonSchema> = {
  RecordType: { type: 'string', enum: ['A', 'AAAA', 'CNAME'] },
  Node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } }, required: ['name'] },
  Pet: { type: 'object', properties: { name: { type: 'string' }, tag: { type: ['string', 'null'] } }, required: ['name'] },
}
const input: JsonSchema = {
  type: 'object',
  properties: {
    zone_id: { type: 'string' },
    per_page: { type: 'integer', minimum: 5, maximum: 50 },
    body: {
      type: 'object',
      properties: {
        type: { $ref: '#/components/schemas/RecordType' },
        ttl: { type: 'number', nullable: true },
        tree: { $ref: '#/components/schemas/Node' },
        pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
      },
      required: ['type'],
    },
  },
  required: ['zone_id'],
  additionalProperties: false,
}

describe('validateInput', () => {
  it.each<[string, { given: unknown; want: string[] }]>([
    ['accepts a valid input', { given: { zone_id: 'z', per_page: 20, body: { type: 'A', ttl: null } }, want: [] }],
    ['names a missing required parameter', { given: {}, want: ['zone_id is required'] }],
    ['suggests the closest name for an unknown field', { given: { zone_id: 'z', per_pag: 5 }, want: ['unknown field "per_pag"; did you mean per_page?'] }],
    ['lists the enum and what it got', { given: { zone_id: 'z', body: { type: 'a' } }, want: ['body.type must be one of "A", "AAAA", "CNAME"; got string "a"'] }],
    ['checks integer type', { given: { zone_id: 'z', per_page: 2.5 }, want: ['per_page must be integer; got number 2.5'] }],
    ['checks bounds', { given: { zone_id: 'z', per_page: 500 }, want: ['per_page must be <= 50; got 500'] }],
    ['names a required nested field', { given: { zone_id: 'z', body: {} }, want: ['body.type is required'] }],
    [
      'follows cyclic $refs as deep as the value goes',
      {
        given: { zone_id: 'z', body: { type: 'A', tree: { name: 'a', child: { name: 'b', child: { child: {} } } } } },
        want: ['body.tree.child.child.name is required', 'body.tree.child.child.child.name is required'],
      },
    ],
    [
      'indexes array items in the path',
      {
        given: { zone_id: 'z', body: { type: 'A', pets: [{ name: 'a' }, { tag: 1 }] } },
        want: ['body.pets[1].name is required', 'body.pets[1].tag must be string or null; got number 1'],
      },
    ],
    ['accepts null for a 3.1 type array', { given: { zone_id: 'z', body: { type: 'A', pets: [{ name: 'a', tag: null }] } }, want: [] }],
    ['rejects a non-object input', { given: 'zone', want: ['input must be an object like { zone_id, per_page, body }; got string "zone"'] }],
  ])('%s', (_name, { given, want }) => {
    expect(validateInput(given, input, schemas)).toEqual(want)
  })

  it('reports at most five problems', () => {
    const many = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }
    expect(validateInput(many, input, schemas)).toHaveLength(5)
  })
})

describe('validateInput and required fields in shared request/response schemas', () => {
  const shared: Record<string, JsonSchema> = {
    Base: { properties: { id: { type: 'string' }, created_on: { type: 'string', readOnly: true }, ttl: { type: 'number' } } },
    ARecord: {
      allOf: [{ properties: { type: { enum: ['A'] }, content: { type: 'string' } } }, { $ref: '#/components/schemas/Base' }],
      required: ['type', 'content', 'created_on'],
    },
    Record: { oneOf: [{ $ref: '#/components/schemas/ARecord' }], required: ['id', 'type', 'proxiable'], type: 'object' },
  }
  const op: JsonSchema = { type: 'object', properties: { body: { $ref: '#/components/schemas/Record' } }, required: ['body'] }

  it.each<[string, { given: unknown; want: string[] }]>([
    ['does not require readOnly fields, nor names the schema never declares', { given: { body: { type: 'A', content: '1.2.3.4' } }, want: [] }],
    [
      'still requires declared writable fields in the matching branch',
      { given: { body: { type: 'A' } }, want: ['body matches none of the 1 allowed shapes; closest: body.content is required'] },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(validateInput(given, op, shared)).toEqual(want)
  })
})
