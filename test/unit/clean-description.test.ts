import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OperationSpec } from '../../src/artifacts.ts'
import type { Api } from '../../src/create-catalog.ts'
import { cleanDescription } from '../../src/search/clean-description.ts'
import { findReplacement } from '../../src/search/find-replacement.ts'

describe('cleanDescription', () => {
  it('turns HTML into plain lines, decoding entities', () => {
    expect(cleanDescription('<p>Creates a <a href="/docs">SetupIntent</a> &amp; returns it.</p><p>We recommend a <code>SetupIntent</code>.</p>', 500)).toBe(
      'Creates a SetupIntent & returns it.\nWe recommend a SetupIntent.',
    )
  })

  it('unwraps Markdown links and emphasis, joins wrapped lines, keeps list items', () => {
    expect(cleanDescription('Lists **your** zones, see [the docs](https://x).\nWrapped line.\n\n- one\n- two', 500)).toBe(
      'Lists your zones, see the docs. Wrapped line.\n- one\n- two',
    )
  })

  it('cuts at a sentence within the budget', () => {
    expect(cleanDescription('First sentence here. Second sentence is much longer than the budget allows.', 40)).toBe('First sentence here. …')
  })

  it('never leaves a tag, never runs far over the budget, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
        const out = cleanDescription(text.replace(/x/g, '<b>'), max)
        expect(out.length).toBeLessThanOrEqual(max + 2)
        expect(out).not.toMatch(/<b>/)
      }),
      { numRuns: 400 },
    )
  })
})

describe('findReplacement', () => {
  const op = (name: string, method: string, path: string): OperationSpec => ({ name, method, path, pointer: '#', params: [], input: {} })
  const ops = [op('thingsList', 'GET', '/things'), op('thingsCreateV2', 'POST', '/v2/things'), op('legacyCreate', 'POST', '/things')]
  const api = { meta: {} as Api['meta'], operations: ops, byName: new Map(ops.map((o) => [o.name, o])) } as Api

  it.each([
    ['a route', 'Deprecated. Use `POST /v2/things` instead.', 'thingsCreateV2'],
    ['an operation name', 'This endpoint is replaced by `thingsCreateV2`.', 'thingsCreateV2'],
    ['nothing it can find', 'Deprecated; contact support.', undefined],
    ['only itself', 'Use legacyCreate carefully.', undefined],
  ])('finds %s', (_name, description, want) => {
    expect(findReplacement(api, description, 'legacyCreate')).toBe(want)
  })
})
