// describeResult states what the returned value is when it looks like nothing: null, undefined, empty, or fields
// that JSON dropped because they were undefined. Facts only, never a guess at why.
import { describe, expect, it } from 'vitest'
import { describeResult } from '../../src/execute/describe-result.ts'
import { formatAnswer } from '../../src/execute/format-answer.ts'

describe('describeResult', () => {
  it.each([
    ['null', null, [], 'result is null'],
    ['undefined', null, ['result'], 'result is undefined (the code returned nothing), shown as null'],
    ['an empty array', [], [], 'result is an empty array'],
    ['an empty object', {}, [], 'result is an empty object'],
    ['a projection of missing fields', {}, ['result.id', 'result.name'], 'result.id and result.name are undefined, so JSON dropped them'],
    ['a nested empty list', { zones: [], total: 0 }, [], 'result.zones is an empty array'],
    ['a null field', { zone: null, owner: { id: 'x', team: {} } }, [], 'result.zone is null; result.owner.team is an empty object'],
    ['one dropped field beside kept ones', { name: 'a' }, ['result.id'], 'result.id is undefined, so JSON dropped it'],
    ['a full value', { id: 1, tags: ['a'] }, [], undefined],
    ['an empty string', '', [], 'result is an empty string'],
  ])('%s', (_name, value, undefinedPaths, want) => {
    expect(describeResult(value, undefinedPaths)).toBe(want)
  })

  it('does not look inside arrays (their items are data, not a projection)', () => {
    expect(describeResult([{ a: null }, { a: [] }], [])).toBeUndefined()
  })

  it('names at most five facts', () => {
    const value = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, null]))
    expect(describeResult(value, [])).toBe('result.k0 is null; result.k1 is null; result.k2 is null; result.k3 is null; result.k4 is null; and 4 more empty fields')
  })
})

describe('the note in the execute answer', () => {
  const answer = async (json: string, undefinedPaths?: string[]) => JSON.parse((await formatAnswer({ ok: true, json, logs: [], calls: 1, undefinedPaths }, 1500)).text)

  it('says the result is null', async () => {
    const text = (await formatAnswer({ ok: true, json: 'null', logs: [], calls: 1 }, 1500)).text
    expect(text).toBe('{"result":null,"note":"result is null","meter":{"tokens":21,"apiCalls":1}}')
    expect(Math.ceil(text.length / 3.6)).toBe(21)
  })

  it('names the fields a projection of a missing value dropped', async () => {
    const a = await answer('{}', ['result.id'])
    expect(a.result).toEqual({})
    expect(a.note).toBe('result.id is undefined, so JSON dropped it')
  })

  it('says an empty list is empty', async () => {
    expect((await answer('[]')).note).toBe('result is an empty array')
  })

  it('adds nothing to a value that has content', async () => {
    expect(Object.keys(await answer('{"id":1}'))).toEqual(['result', 'meter'])
  })

  it('keeps the note and stays within the budget when the result is cut', async () => {
    const big = { items: Array.from({ length: 5000 }, (_, i) => ({ id: i })), next: null }
    const { text } = await formatAnswer({ ok: true, json: JSON.stringify(big), logs: [], calls: 1 }, 500)
    const a = JSON.parse(text)
    expect(a.note).toBe('result.next is null')
    expect(a.truncated).toMatch(/^\$\.items \(kept \d+ of 5000 items\) cut to stay within 500 tokens/)
    expect(text.length).toBeLessThanOrEqual(500 * 3.6)
    expect(a.meter.tokens).toBe(Math.ceil(text.length / 3.6))
  })
})
