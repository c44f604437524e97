import { describe, expect, it } from 'vitest'
import { formatAnswer } from '../../src/execute/format-answer.ts'

const answerFor = async (result: unknown, maxTokens: number) => formatAnswer({ ok: true, json: JSON.stringify(result), logs: [], calls: 1 }, maxTokens)

describe('formatAnswer', () => {
  it('cuts a wide object to its first keys and stays within the token budget', async () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`id-${i}`, { name: `pet ${i}`, status: 'available' }]))
    const { text, isError } = await answerFor(wide, 6000)
    expect(isError).toBeUndefined()
    expect(text.length).toBeLessThanOrEqual(6000 * 3.6)
    const answer = JSON.parse(text)
    expect(answer.result['id-0']).toEqual({ name: 'pet 0', status: 'available' })
    expect(answer.truncated).toBe('$ (kept 200 of 5000 keys) cut to stay within 6000 tokens. Return fewer items or only the fields you need (e.g. map to ids and names).')
    expect(answer.meter.tokens).toBeLessThanOrEqual(6000)
  })

  it('leaves room for the meter when the result alone just fits', async () => {
    const { text } = await answerFor('x'.repeat(6000 * 3.6 - 12), 6000)
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
  ])('counts the whole answer, itself included, for %s', async (_name, result) => {
    const { text } = await answerFor(result, 1500)
    const answer = JSON.parse(text)
    expect(Object.keys(answer).at(-1)).toBe('meter')
    expect(answer.meter).toEqual({ tokens: Math.ceil(text.length / 3.6), apiCalls: 1 })
  })
})

describe('answers from mock upstreams (npm run demo)', () => {
  const mock = 'Prism mock data, not the real API'

  it('say so in the meter, which still counts the whole answer, even when the result is cut', async () => {
    const long = Array.from({ length: 5000 }, (_, i) => ({ id: i }))
    const { text } = await formatAnswer({ ok: true, json: JSON.stringify(long), logs: [], calls: 2 }, 1500, mock)
    const answer = JSON.parse(text)
    expect(answer.meter).toEqual({ tokens: Math.ceil(text.length / 3.6), apiCalls: 2, upstream: `mock: ${mock}` })
    expect(text.length).toBeLessThanOrEqual(1500 * 3.6)
  })

  it('say so after an error, within the budget', async () => {
    const { text, isError } = await formatAnswer({ ok: false, error: 'x'.repeat(10_000), logs: [], calls: 0 }, 1000, mock)
    expect(isError).toBe(true)
    expect(text.endsWith(`\n[mock upstream: ${mock}]`)).toBe(true)
    expect(text.length).toBe(3600)
  })
})

describe('keeping a cut result in the session store', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `pet ${i}` }))
  const run = (result: unknown) => ({ ok: true as const, json: JSON.stringify(result), logs: [], calls: 1 })

  it('keeps the whole of a cut result and names its key and size', async () => {
    const kept: string[] = []
    const { text } = await formatAnswer(run(many), 1500, undefined, (json) => {
      kept.push(json)
      return { ok: true, value: 'r3' }
    })
    const answer = JSON.parse(text)
    expect(kept).toEqual([JSON.stringify(many)])
    expect(answer.full).toBe("The whole result (5,000 items) is await session.get('r3'): narrow it in code in your next execute, without calling the API again.")
    expect(text.length).toBeLessThanOrEqual(1500 * 3.6)
  })

  it('keeps nothing when the result fits', async () => {
    const { text } = await formatAnswer(run({ ok: true }), 1500, undefined, () => {
      throw new Error('kept a result that fits')
    })
    expect(JSON.parse(text).full).toBeUndefined()
  })

  it('says why a cut result could not be kept', async () => {
    const { text } = await formatAnswer(run(many), 1500, undefined, () => ({ ok: false, error: 'the session already holds 1,000 keys, the limit (SESSION_MAX_KEYS)' }))
    expect(JSON.parse(text).full).toBe('The whole result was not kept in the session store: the session already holds 1,000 keys, the limit (SESSION_MAX_KEYS).')
  })
})
