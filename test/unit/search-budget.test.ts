// The size of a `search` answer: within budget (counted with the cl100k_base tokenizer, as the benchmark counts),
// with signatures under the top results, and a last line that says how to see more.
import { join } from 'node:path'
import { getEncoding } from 'js-tiktoken'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { Catalog } from '../../src/create-catalog.ts'
import { answerSearch, MAX_SEARCH_TOKENS } from '../../src/search/answer-search.ts'
import { shortenSignature } from '../../src/search/format-results.ts'
import { generate, SHARED_SPECS } from '../support/generate.ts'

let catalog: Catalog
const enc = getEncoding('cl100k_base')

beforeAll(() => {
  catalog = loadCatalog(generate([join(SHARED_SPECS, 'cloudflare.json')]))
}, 120_000)

describe('answer size', () => {
  // Queries whose top results carry some of the longest signatures in the spec.
  it.each(['list dns records', 'search url scans', 'create a load balancer', 'update zero trust gateway rule', 'dns', 'zone settings'])('keeps "%s" within the budget', (query) => {
    const { text } = answerSearch(catalog, { query })
    expect(enc.encode(text).length).toBeLessThanOrEqual(MAX_SEARCH_TOKENS)
  })

  it('shows six results, signatures under the first ones, and how to see more', () => {
    const lines = answerSearch(catalog, { query: 'list dns records' }).text.split('\n')
    expect(lines.filter((l) => /^\d+\. cloudflare\./.test(l)).map((l) => l.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.'])
    expect(lines[2]).toMatch(/^ {3}cloudflare\.dnsRecordsForAZoneListDnsRecords\(input: \{ zone_id: string;/)
    expect(lines.at(-1)).toBe(
      'More: page: 2 for results 7–12; search an exact name or "METHOD /path" (e.g. "cloudflare.dnsRecordsForAZoneListDnsRecords" or "GET /zones/{zone_id}/dns_records") for its full signature and types.',
    )
  })
})

describe('shortenSignature', () => {
  const signature = 'api.op(input: { a: string; b: number }): Promise<{ result: { id: string; name: string } }>'

  it('keeps a signature that fits', () => {
    expect(shortenSignature(signature, 200)).toBe(signature)
  })

  it('drops the return type first', () => {
    expect(shortenSignature(signature, 60)).toBe('api.op(input: { a: string; b: number }): Promise<…>')
  })

  it('cuts the input when even that does not fit', () => {
    expect(shortenSignature(signature, 20)).toBe('api.op(input: { a: …')
  })
})
