// Property-based tests over query analysis: whatever text an agent sends as a search query (quotes, #channels,
// @handles, Unicode), analysis finishes, weighs every term in (0, 1], and a value the query quotes never takes
// weight from the words of the request around it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { queryWords } from '../../src/search/analyze-text.ts'
import { expandQuery } from '../../src/search/expand-query.ts'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400)
const piece = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('"', "'", '“', '”', '‘', '’', '#', '@', ' ', ', ', '?', 'so that ', 'delete ', 'list ', 'post '),
  fc.stringMatching(/^[a-z]{2,10}$/),
)
const query = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))
const word = fc.constantFrom('zone', 'invoice', 'webhook', 'channel', 'playlist', 'deployment', 'record', 'customer')

describe('expandQuery on any text', () => {
  it('finishes and weighs every term in (0, 1]', () => {
    fc.assert(
      fc.property(query, (q) => {
        const { weights, words } = expandQuery(q)
        for (const w of weights.values()) expect(w > 0 && w <= 1).toBe(true)
        for (const terms of words) for (const t of terms) expect(weights.has(t)).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('takes no term from an id, an address or a host name, and keeps the words around it', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/)
    const literal = fc.oneof(
      fc.tuple(label, label, fc.constantFrom('com', 'net', 'io', 'dev', 'co.uk')).map(([a, b, tld]) => `${a}.${b}.${tld}`),
      fc.tuple(label, label, fc.constantFrom('com', 'org')).map(([a, b, tld]) => `${a}@${b}.${tld}`),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((parts) => parts.join('.')),
      fc.tuple(fc.constantFrom('ch', 'cus', 'sub', 'in'), fc.stringMatching(/^[A-Za-z0-9]{5,20}$/)).map(([p, tail]) => `${p}_${tail}9`),
    )
    fc.assert(
      fc.property(word, word, literal, (a, b, value) => {
        const plain = expandQuery(`${a} ${b}`)
        const { weights } = expandQuery(`${a} ${value} ${b}`)
        for (const [term, weight] of plain.weights) expect(weights.get(term)).toBe(weight)
        for (const fragment of queryWords(value)) if (!plain.weights.has(fragment)) expect(weights.get(fragment) ?? 0).toBeLessThan(1)
      }),
      { numRuns: RUNS },
    )
  })

  it('keeps the weight of the words around a quoted value', () => {
    fc.assert(
      fc.property(word, word, fc.stringMatching(/^[a-z ]{1,40}$/), fc.constantFrom(['"', '"'], ["'", "'"], ['“', '”']), (a, b, inside, [open, close]) => {
        const plain = expandQuery(`${a} ${b}`)
        const quoted = expandQuery(`${a} ${open}${inside}${close} ${b}`)
        for (const [term, weight] of plain.weights) if (weight === 1) expect(quoted.weights.get(term)).toBe(1)
      }),
      { numRuns: RUNS },
    )
  })

  it('reads a query that is only a quoted phrase as the request', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect([...expandQuery(`"${a} ${b}"`).weights.values()]).toContain(1)
        expect(queryWords(`"${a} ${b}"`).length).toBeGreaterThan(0)
      }),
      { numRuns: RUNS },
    )
  })
})
