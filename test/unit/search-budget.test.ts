// The size of a `search` answer: within budget (counted with the cl100k_base tokenizer, as the benchmark counts),
// with a signature under every result, and a last line that says how to see more.
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

  it('shows six results, each with a signature, and how to see more', () => {
    const lines = answerSearch(catalog, { query: 'list dns records' }).text.split('\n')
    const rows = lines.flatMap((l, i) => (/^\d+\. cloudflare\./.test(l) ? [i] : []))
    expect(rows.map((i) => lines[i]!.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.'])
    for (const i of rows) expect(lines[i + 1]).toMatch(/^ {3}\(input\??: \{ /)
    expect(lines[2]).toMatch(/^ {3}\(input: \{ zone_id: string;/)
    expect(lines.at(-1)).toBe('More: page 2. Full signature, description and types: search "cloudflare.dnsRecordsForAZoneListDnsRecords" (or any name or "METHOD /path" above).')
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

  it('drops optional fields whole, from the end, and keeps every required one', () => {
    const long = 'api.op(input: { id: string; body: { x: number; y?: string }; q?: "a" | "b"; r?: { s: string; t: number } }): Promise<X>'
    expect(shortenSignature(long, 80)).toBe('api.op(input: { id: string; body: { x: number; y?: string }; q?: "a" | "b"; … })')
    expect(shortenSignature(long, 70)).toBe('api.op(input: { id: string; body: { x: number; y?: string }; … })')
    // Too long even so: a required inline body keeps only its own required fields.
    expect(shortenSignature(long, 40)).toBe('api.op(input: { id: string; body: { x: number; … }; … })')
  })

  it('cuts the text when even the required fields run over twice the share', () => {
    expect(shortenSignature(signature, 15)).toBe('api.op(input: …')
  })
})
