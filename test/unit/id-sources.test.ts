// Where path parameters' values come from, worked out by codegen from a spec alone and shown in lookups.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { Catalog } from '../../src/create-catalog.ts'
import { answerSearch } from '../../src/search/answer-search.ts'
import { generate } from '../support/generate.ts'

const list = (items: object, wrap?: string) => {
  const array = { type: 'array', items: { type: 'object', properties: items } }
  return { '200': { description: 'ok', content: { 'application/json': { schema: wrap ? { type: 'object', properties: { [wrap]: array } } : array } } } }
}
const one = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } }
const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Shop', version: '1' },
  paths: {
    '/zones': {
      get: {
        operationId: 'zonesList',
        responses: list({ id: { type: 'string' }, owners: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } }, 'result'),
      },
    },
    '/zones/{zone_id}/records': {
      get: { operationId: 'recordsList', parameters: [{ name: 'zone_id', in: 'path', required: true, schema: { type: 'string' } }], responses: list({ name: { type: 'string' } }) },
    },
    '/zones/{zone_id}/records/{record_name}': {
      delete: {
        operationId: 'recordsDelete',
        parameters: ['zone_id', 'record_name'].map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        responses: one,
      },
    },
    '/pulls/{pull_number}': { get: { operationId: 'pullsGet', parameters: [{ name: 'pull_number', in: 'path', required: true, schema: { type: 'integer' } }], responses: one } },
    '/pulls': {
      get: {
        operationId: 'pullsList',
        responses: list({ number: { type: 'integer' }, users: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } } }),
      },
    },
    '/teams': { get: { operationId: 'teamsList', responses: list({ members: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } }) } },
    '/teams/{team_slug}': { get: { operationId: 'teamsGet', parameters: [{ name: 'team_slug', in: 'path', required: true, schema: { type: 'string' } }], responses: one } },
    '/tracks': {
      get: {
        operationId: 'tracksSeveral',
        parameters: [{ name: 'ids', in: 'query', required: true, schema: { type: 'string' } }],
        responses: list({ id: { type: 'string' } }, 'tracks'),
      },
    },
    '/tracks/{id}': { get: { operationId: 'tracksGet', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: one } },
    '/orphans/{orphan_id}': { get: { operationId: 'orphansGet', parameters: [{ name: 'orphan_id', in: 'path', required: true, schema: { type: 'string' } }], responses: one } },
  },
}

let catalog: Catalog
beforeAll(() => {
  const file = join(mkdtempSync(join(tmpdir(), 'ids-')), 'shop.json')
  writeFileSync(file, JSON.stringify(SPEC))
  catalog = loadCatalog(generate([file]))
}, 120_000)

const ids = (name: string) => catalog.getTypeIndex('shop').operations[name]?.ids

describe('where ids come from', () => {
  it("finds each path parameter in the list one segment up, on the listed items' own id, name or number", () => {
    expect(ids('recordsDelete')).toEqual({ zone_id: 'zonesList → result[].id', record_name: 'recordsList → [].name' })
    expect(ids('pullsGet')).toEqual({ pull_number: 'pullsList → [].number' })
  })

  it('claims nothing where there is no list to look in, and never a generic id of a nested list', () => {
    expect(ids('orphansGet')).toBeUndefined()
    expect(ids('teamsGet')).toBeUndefined()
    expect(ids('zonesList')).toBeUndefined()
    // GET /tracks?ids=... returns tracks with their ids, but only for ids one already has.
    expect(ids('tracksGet')).toBeUndefined()
  })

  it('shows them in the lookup', () => {
    expect(answerSearch(catalog, { query: 'shop.recordsDelete' }).text).toContain(
      'Where its ids come from: zone_id ← shop.zonesList → result[].id; record_name ← shop.recordsList → [].name.',
    )
  })
})
