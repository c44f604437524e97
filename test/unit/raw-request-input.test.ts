import { describe, expect, it } from 'vitest'
import type { JsonSchema, OperationSpec } from '../../src/artifacts.ts'
import { rawRequestInput } from '../../src/host/raw-request-input.ts'

const schemas: Record<string, JsonSchema> = { Count: { type: 'integer' }, Identifier: { type: 'string', maxLength: 32 } }
const op: OperationSpec = {
  name: 'listThings',
  pointer: '#',
  method: 'GET',
  path: '/zones/{zone_id}/things/{thing_id}',
  params: [],
  input: {
    type: 'object',
    properties: {
      zone_id: { $ref: '#/components/schemas/Identifier' },
      thing_id: { type: 'integer' },
      per_page: { $ref: '#/components/schemas/Count' },
      ratio: { type: 'number' },
      flag: { type: ['boolean', 'null'] },
      tags: { type: 'array', items: { type: 'integer' } },
      name: { type: 'string' },
    },
  },
}

const input = (path: string, more: Record<string, unknown> = {}, pathParams: Record<string, string> = { zone_id: '007', thing_id: '42' }) =>
  rawRequestInput(op, pathParams, { method: 'GET', path, ...more }, schemas)

describe('rawRequestInput', () => {
  it('gives path parameters the type their schema declares, following $refs', () => {
    expect(input('/zones/007/things/42')).toEqual({ zone_id: '007', thing_id: 42 })
  })

  it('leaves text that is not of the declared type as text, for validation to name', () => {
    expect(input('/zones/007/things/4x', {}, { zone_id: '007', thing_id: '4x' })).toEqual({ zone_id: '007', thing_id: '4x' })
    expect(input('/zones/007/things/1.5', {}, { zone_id: '007', thing_id: '1.5' })).toEqual({ zone_id: '007', thing_id: '1.5' })
  })

  it('keeps the query string written in the path, typed by schema', () => {
    expect(input('/zones/007/things/42?per_page=5&ratio=0.5&flag=true&tags=1&tags=2&name=12&other=3')).toEqual({
      zone_id: '007',
      thing_id: 42,
      per_page: 5,
      ratio: 0.5,
      flag: true,
      tags: [1, 2],
      name: '12',
      other: '3',
    })
  })

  it('lets explicit query, headers and body win over the query string in the path', () => {
    expect(input('/zones/007/things/42?per_page=5&name=a%20b', { query: { per_page: 10 }, headers: { 'X-Trace': 't' }, body: { a: 1 } })).toEqual({
      zone_id: '007',
      thing_id: 42,
      per_page: 10,
      name: 'a b',
      'X-Trace': 't',
      body: { a: 1 },
    })
  })
})
