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
  it.each(['constructor', 'cloudflare.constructor', '__proto__', 'petstore.toString', 'hasOwnProperty', 'constructor of a zone'])(
    'answers %s, a name every JavaScript object has, as any other query',
    (query) => {
      const { text, isError } = search(query)
      expect(isError).toBeFalsy()
      expect(text).not.toMatch(/function|\[object|native code/)
      if (!query.includes(' ')) expect(text.split('\n')[0]).toMatch(/^No operations? (match|or type is named)/)
    },
  )

  it.each([
    ['a bare operation name', 'zonesGet', 'cloudflare.zonesGet — GET /zones — List Zones [pages by page number]'],
    ['a qualified operation name', 'petstore.getPetById', 'petstore.getPetById — GET /pet/{petId} — Find pet by ID.'],
    ['a name in the wrong case', 'cloudflare.ZONESGET', 'cloudflare.zonesGet — GET /zones — List Zones [pages by page number]'],
    [
      "METHOD and a path template, with auth unlike the API's usual token",
      'GET /zones/{zone_id}/dns_records',
      'cloudflare.dnsRecordsForAZoneListDnsRecords — GET /zones/{zone_id}/dns_records — List DNS Records [pages by page number, auth: api_email + api_key]',
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
    expect(text.split('\n').slice(2, 5)).toEqual(['petstore.getPetById(input: { petId: number }): Promise<Pet>', '', 'Types:'])
    expect(text.split('\n')[5]).toBe(catalog.getTypeIndex('petstore').types.Pet)
  })

  it('returns a type declaration from the type index for a type name', () => {
    expect(search('ZonesZone').text).toBe(`cloudflare type ZonesZone:\n${catalog.getTypeIndex('cloudflare').types.ZonesZone}`)
    expect(search('petstore.Pet').text).toBe(`petstore type Pet:\n${catalog.getTypeIndex('petstore').types.Pet}`)
  })

  it('looks only in the named API', () => {
    expect(firstLine('zonesGet', { api: 'petstore' })).toBe(
      'No operation or type is named zonesGet in petstore. cloudflare.zonesGet exists: search "cloudflare.zonesGet". Closest operations, as suggestions only:',
    )
    expect(firstLine('GET /pet/1', { api: 'petstore' })).toBe('petstore.getPetById — GET /pet/{petId} — Find pet by ID.')
    expect(firstLine('GET /pet/1', { api: 'cloudflare' })).toBe('No operation is GET /pet/1 in cloudflare. Closest operations, as suggestions only:')
  })

  it("shows a union body's first member and what it is built from, beside the union", () => {
    const types = search('cloudflare.dnsRecordsForAZoneCreateDnsRecord')
      .text.split('\n')
      .flatMap((l) => /^type (\S+) =/.exec(l)?.[1] ?? [])
    expect(types.slice(0, 3)).toEqual(['DnsRecordsDnsRecord', 'DnsRecordsARecord', 'DnsRecordsBase'])
  })

  it('says how a list operation pages, and how to walk it', () => {
    expect(search('cloudflare.zonesGet').text).toContain(
      "Pages by page number: for await (const item of cloudflare.paginate('zonesGet', input, { maxItems: 100 })) walks each item of result across pages.",
    )
  })

  it('shows the description, cleaned, between the line and the signature', () => {
    expect(search('petstore.getPetById').text.split('\n').slice(0, 3)).toEqual([
      'petstore.getPetById — GET /pet/{petId} — Find pet by ID.',
      'Returns a single pet.',
      'petstore.getPetById(input: { petId: number }): Promise<Pet>',
    ])
  })
})

describe('result pages', () => {
  it.each(['pet', 'update a pet', 'find pets by status', 'zone settings', 'dns records', 'delete a zone'])('keep the operations of one path together for "%s"', (query) => {
    const paths = search(query)
      .text.split('\n')
      .flatMap((l) => /^\d+\. \S+ — \S+ (\S+)/.exec(l)?.[1] ?? [])
    expect(paths.length).toBeGreaterThan(1)
    const runs = paths.filter((p, i) => p !== paths[i - 1])
    expect(new Set(runs).size).toBe(runs.length)
  })
})

describe('lookups that match nothing say so first', () => {
  it('offers the nearest names for a mistyped operation name, as suggestions', () => {
    const lines = search('petstore.getPetByIdd').text.split('\n')
    expect(lines[0]).toBe('No operation or type is named petstore.getPetByIdd. Closest operations, as suggestions only:')
    expect(lines[1]).toBe('1. petstore.getPetById — GET /pet/{petId} — Find pet by ID.')
  })

  it('names the methods a path has when the one asked for is not among them', () => {
    expect(firstLine('PUT /pet/7')).toBe(
      'No operation is PUT /pet/7 in any API here (cloudflare, petstore). The path exists with GET (petstore.getPetById), POST (petstore.updatePetWithForm), DELETE (petstore.deletePet). Closest operations, as suggestions only:',
    )
  })

  it('says an unknown qualifier is not an API', () => {
    expect(firstLine('stripe.createMeterEvent')).toMatch(/^"stripe" is not an API here; the APIs are cloudflare, petstore\. /)
  })

  it('leaves single words to free-text search', () => {
    expect(firstLine('zones')).toBe('Operations for "zones", best first (1–6):')
  })
})

describe('what matches nothing', () => {
  it('names the APIs for an unknown API', () => {
    expect(search('zones', { api: 'nope' })).toEqual({ text: 'Unknown API "nope". APIs: cloudflare, petstore.', isError: true })
  })

  it('refuses a query over 500 characters, and searches one of 500', () => {
    expect(search(`list ${'x'.repeat(496)}`)).toEqual({
      text: 'The query is 501 characters; search takes at most 500. Search with a few words (a resource and a verb), an exact operation name, "METHOD /path" or a type name.',
      isError: true,
    })
    expect(search(`list ${'zones '.repeat(82)}`).isError).toBeUndefined()
  })

  it('suggests other words when no operation matches', () => {
    expect(search('qqqxxyz').text).toBe('No operations match "qqqxxyz". Try other words (a resource and a verb, like "list zones"), or name an API: cloudflare, petstore.')
  })

  it('says where the last page is for a page past the end', () => {
    const text = search('pet', { api: 'petstore', page: 99 }).text
    const [, total, last] = /^Page 99 is past the end: "pet" has (\d+) match\(es\), 6 per page, so the last page is (\d+)\.$/.exec(text) ?? []
    expect(Number(last)).toBe(Math.ceil(Number(total) / 6))
    expect(search('pet', { api: 'petstore', page: Number(last) }).text).toMatch(/^Operations for "pet", best first/)
  })
})
