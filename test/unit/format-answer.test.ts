import { describe, expect, it } from 'vitest'
import { formatAnswer } from '../../src/execute/format-answer.ts'

const answerFor = (result: unknown, maxTokens: number) => formatAnswer({ ok: true, json: JSON.stringify(result), logs: [], calls: 1 }, maxTokens)

describe('formatAnswer', () => {
  it('cuts a wide object to its first keys and stays within the token budget', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`id-${i}`, { name: `pet ${i}`, status: 'available' }]))
    const { text, isError } = answerFor(wide, 6000)
    expect(isError).toBeUndefined()
    expect(text.length).toBeLessThanOrEqual(6000 * 3.6)
    const answer = JSON.parse(text)
    expect(answer.result['id-0']).toEqual({ name: 'pet 0', status: 'available' })
    expect(answer.truncated).toBe('$ (kept 200 of 5000 keys) cut to stay within 6000 tokens. Return fewer items or only the fields you need (e.g. map to ids and names).')
    expect(answer.meter.tokens).toBeLessThanOrEqual(6000)
  })

  it('leaves room for the meter when the result alone just fits', () => {
    const { text } = answerFor('x'.repeat(6000 * 3.6 - 12), 6000)
    expect(text.length).toBeLessThanOrEqual(6000 * 3.6)
    const answer = JSON.parse(text)
    expect(answer.truncated).toBe('$ (string of 21588 chars) cut to stay within 6000 tokens. Return fewer items or only the fields you need (e.g. map to ids and names).')
    expect(answer.meter.tokens).toBeLessThanOrEqual(6000)
  })
})

describe('the token meter', () => {
  it.each([
    ['a small result', { ok: true }],
    ['a cut result', Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `pet ${i}` }))],
  ])('counts the whole answer, itself included, for %s', (_name, result) => {
    const { text } = answerFor(result, 1500)
    const answer = JSON.parse(text)
    expect(Object.keys(answer).at(-1)).toBe('meter')
    expect(answer.meter).toEqual({ tokens: Math.ceil(text.length / 3.6), apiCalls: 1 })
  })
})

describe('answers from mock upstreams (npm run demo)', () => {
  const mock = 'Prism mock data, not the real API'

  it('say so in the meter, which still counts the whole answer, even when the result is cut', () => {
    const long = Array.from({ length: 5000 }, (_, i) => ({ id: i }))
    const { text } = formatAnswer({ ok: true, json: JSON.stringify(long), logs: [], calls: 2 }, 1500, mock)
    const answer = JSON.parse(text)
    expect(answer.meter).toEqual({ tokens: Math.ceil(text.length / 3.6), apiCalls: 2, upstream: `mock: ${mock}` })
    expect(text.length).toBeLessThanOrEqual(1500 * 3.6)
  })

  it('say so after an error, within the budget', () => {
    const { text, isError } = formatAnswer({ ok: false, error: 'x'.repeat(10_000), logs: [], calls: 0 }, 1000, mock)
    expect(isError).toBe(true)
    expect(text.endsWith(`\n[mock upstream: ${mock}]`)).toBe(true)
    expect(text.length).toBe(3600)
  })
})
