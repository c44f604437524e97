import { describe, expect, it } from 'vitest'
import type { NamedOperation } from '../../codegen/build-api.ts'
import { foldUnions, inputObject, isEmptyBody, sharedParamKeys } from '../../codegen/lean-signature.ts'

const op = (name: string, params: [string, string, boolean][]) =>
  ({ name, params: params.map(([where, n, required]) => ({ in: where, name: n, required })) }) as unknown as NamedOperation

describe('lean signatures', () => {
  it('finds the optional parameters every operation of an API declares', () => {
    const shared: [string, string, boolean][] = [
      ['query', 'alt', false],
      ['query', 'fields', false],
    ]
    const ops = ['a', 'b', 'c', 'd', 'e'].map((n, i) => op(n, [...shared, ['path', 'id', true], ...(i ? [['query', 'pageToken', false] as [string, string, boolean]] : [])]))
    expect([...sharedParamKeys(ops)]).toEqual(['query:alt', 'query:fields'])
    // A required parameter, one missing from an operation, and small APIs are never shared.
    expect([...sharedParamKeys(ops.slice(0, 4))]).toEqual([])
  })

  it('puts required fields first, and makes the input optional only when nothing is required', () => {
    expect(
      inputObject([
        { text: 'q?: string', required: false },
        { text: 'id: string', required: true },
      ]),
    ).toBe('input: { id: string; q?: string }')
    expect(inputObject([{ text: 'q?: string', required: false }])).toBe('input?: { q?: string }')
    expect(inputObject([])).toBe('')
  })

  it.each([
    ['Record<string, never>', false, true],
    ['{ }', false, true],
    ['Record<string, never>', true, false],
    ['{ name?: string }', false, false],
  ])('treats an optional body of %s (required %s) as empty: %s', (type, required, empty) => {
    expect(isEmptyBody(type, required)).toBe(empty)
  })

  it('folds a long union of literals and leaves short ones and other unions alone', () => {
    const long = Array.from({ length: 12 }, (_, i) => `"v${i}"`).join(' | ')
    expect(foldUnions(`{ type?: ${long}; n: 1 | 2 }`)).toBe('{ type?: "v0" | "v1" | "v2" | "v3" | "v4" | "v5" | …(6 more); n: 1 | 2 }')
    expect(foldUnions('"a" | "b" | "c"')).toBe('"a" | "b" | "c"')
    expect(foldUnions('A | B | C | D | E | F | G | H | I | J | K')).toBe('A | B | C | D | E | F | G | H | I | J | K')
  })
})
