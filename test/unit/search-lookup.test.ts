// Exact lookups through `search`: an operation name (bare, qualified, or in the wrong case), a `METHOD /path`
// (template or concrete), and a type name, over two APIs; and the messages for what matches nothing.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { Catalog } from '../../src/create-catalog.ts'
import { answerSearch } from '../../src/search/answer-search.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'

let catalog: Catalog

beforeAll(() => {
  catalog = loadCatalog(generate(['cloudflare.json', 'petstore.yaml'].map((f) => join(SHARED_SPECS, f))))
}, 120_000)

const search = (query: string, more: { api?: string; page?: number } = {}) => answerSearch(catalog, { query, ...more })
const firstLine = (query: string, more: { api?: string } = {}) => search(query, more).text.split('\n')[0]

describe('exact lookups', () => {
  it.each([
    ['a bare operation name', 'zonesGet', 'cloudflare.zonesGet — GET /zones — List Zones'],
    ['a qualified operation name', 'petstore.getPetById', 'petstore.getPetById — GET /pet/{petId} — Find pet by ID.'],
    ['a name in the wrong case', 'cloudflare.ZONESGET', 'cloudflare.zonesGet — GET /zones — List Zones'],
    [
      "METHOD and a path template, with auth unlike the API's usual token",
      'GET /zones/{zone_id}/dns_records',
      'cloudflare.dnsRecordsForAZoneListDnsRecords — GET /zones/{zone_id}/dns_records — List DNS Records [auth: api_email + api_key]',
    ],
    [
      'an operation that also takes the usual token, with no auth shown',
      'GET /zones/{zone_id}/settings',
      'cloudflare.zoneSettingsGetAllZoneSettings — GET /zones/{zone_id}/settings — Get all zone settings',
    ],
    ['an operation with only an unusual scheme', 'petstore.getInventory', 'petstore.getInventory — GET /store/inventory — Returns pet inventories by status. [auth: api_key]'],
    ['METHOD and a concrete path', 'delete /pet/42', 'petstore.deletePet — DELETE /pet/{petId} — Deletes a pet. [writes]'],
    ['a write operation, flagged', 'addPet', 'petstore.addPet — POST /pet — Add a new pet to the store. [writes]'],
  ])('returns the operation for %s', (_name, query, want) => {
    expect(firstLine(query)).toBe(want)
  })

  it('returns the full signature and the named types an operation uses', () => {
    const text = search('petstore.getPetById').text
    expect(text.split('\n').slice(1, 4)).toEqual(['petstore.getPetById(input: { petId: number }): Promise<Pet>', '', 'Types:'])
    expect(text.split('\n')[4]).toBe(catalog.getTypeIndex('petstore').types.Pet)
  })

  it('returns a type declaration from the type index for a type name', () => {
    expect(search('ZonesZone').text).toBe(`cloudflare type ZonesZone:\n${catalog.getTypeIndex('cloudflare').types.ZonesZone}`)
    expect(search('petstore.Pet').text).toBe(`petstore type Pet:\n${catalog.getTypeIndex('petstore').types.Pet}`)
  })

  it('looks only in the named API', () => {
    expect(firstLine('zonesGet', { api: 'petstore' })).toBe(
      'No operations match "zonesGet". Try other words (a resource and a verb, like "list zones"), or name an API: cloudflare, petstore.',
    )
    expect(firstLine('GET /pet/1', { api: 'petstore' })).toBe('petstore.getPetById — GET /pet/{petId} — Find pet by ID.')
    expect(firstLine('GET /pet/1', { api: 'cloudflare' })).toMatch(/^\d+ operation\(s\) match "GET \/pet\/1"; 1–6, best first:$/)
  })
})

describe('what matches nothing', () => {
  it('names the APIs for an unknown API', () => {
    expect(search('zones', { api: 'nope' })).toEqual({ text: 'Unknown API "nope". APIs: cloudflare, petstore.', isError: true })
  })

  it('suggests other words when no operation matches', () => {
    expect(search('qqqxxyz').text).toBe('No operations match "qqqxxyz". Try other words (a resource and a verb, like "list zones"), or name an API: cloudflare, petstore.')
  })

  it('says where the last page is for a page past the end', () => {
    const total = Number(/^(\d+) operation/.exec(search('pet', { api: 'petstore' }).text)?.[1])
    expect(search('pet', { api: 'petstore', page: 99 }).text).toBe(
      `Page 99 is past the end: "pet" has ${total} match(es), 6 per page, so the last page is ${Math.ceil(total / 6)}.`,
    )
  })
})
