import { describe, expect, it } from 'vitest'
import { truncateJson } from '../../src/execute/truncate-json.ts'

describe('truncateJson', () => {
  it('leaves a value that fits alone', () => {
    expect(truncateJson({ a: [1, 2] }, 100)).toEqual({ value: { a: [1, 2] }, cut: [] })
  })

  it('keeps the first items of a long array and says so', () => {
    const { value, cut } = truncateJson({ items: Array.from({ length: 1000 }, (_, i) => i) }, 200)
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(200)
    expect((value as { items: number[] }).items.slice(0, 3)).toEqual([0, 1, 2])
    expect(cut[0]).toMatch(/^\$\.items \(kept \d+ of 1000 items\)$/)
  })

  it('shortens long strings', () => {
    const { value, cut } = truncateJson({ text: 'x'.repeat(10_000) }, 3000)
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(3000)
    expect(cut).toEqual(['$.text (string of 10000 chars)'])
  })

  it('keeps the first keys of a wide object and says so, as an object', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`id-${i}`, { name: `pet ${i}`, status: 'available' }]))
    const { value, cut } = truncateJson(wide, 21_600)
    expect(JSON.stringify(value).length).toBeLessThanOrEqual(21_600)
    expect(Object.keys(value as object).slice(0, 2)).toEqual(['id-0', 'id-1'])
    expect((value as Record<string, unknown>)['id-0']).toEqual({ name: 'pet 0', status: 'available' })
    expect(cut).toEqual(['$ (kept 200 of 5000 keys)'])
  })

  it('keeps the last-resort cut within the budget once its quotes are escaped', () => {
    const quotes = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, '"'.repeat(100)]))
    const { value, cut } = truncateJson(quotes, 150)
    expect(JSON.stringify(value).length).toBe(150)
    expect(value).toMatch(/^\{"a":"(\\")+\\?…$/)
    expect(cut).toEqual(['the whole result (1036 characters)'])
  })
})
