import { expect, it } from 'vitest'
import { estimateTokens } from '../../src/estimate-tokens.ts'

it.each([
  ['', 3.6, 0],
  ['abc', 3.6, 1],
  ['abcd', 3.6, 2],
  ['x'.repeat(36), 3.6, 10],
  ['x'.repeat(33), 3.3, 10],
])('estimates %j at %d characters per token as %d tokens, rounding up', (text, charsPerToken, want) => {
  expect(estimateTokens(text, charsPerToken)).toBe(want)
})
