import { describe, expect, it } from 'vitest'
import { checkPathValue } from '../../src/host/check-path-value.ts'

const DOT = (given: string, segment: string) => `id ${JSON.stringify(given)} reads as the dot segment "${segment}", which would send the request to another path; pass a real id`
const SLASH = (given: string, decoded: boolean) =>
  `id ${JSON.stringify(given)} contains a slash${decoded ? ' once decoded or normalized' : ''}; a path parameter is one path segment, so pass the id itself, not a path`

describe('checkPathValue', () => {
  it.each<[string, string, string | undefined]>([
    ['a plain id', '023e105f4ecef8ad9ca31a8372d0c353', undefined],
    ['text the URL encodes', 'a b?#&=é😀', undefined],
    ['three dots (no dot segment)', '...', undefined],
    ['a dot inside a name', 'v1.2', undefined],
    ['"."', '.', DOT('.', '.')],
    ['".."', '..', DOT('..', '..')],
    ['percent-encoded dots', '%2e%2E', DOT('%2e%2E', '..')],
    ['a half-encoded dot segment', '.%2e', DOT('.%2e', '..')],
    ['doubly encoded dots', '%252e%252e', DOT('%252e%252e', '..')],
    ['fullwidth dots (NFKC)', '．．', DOT('．．', '..')],
    ['the one-dot leader (NFKC)', '\u2024', DOT('\u2024', '.')],
    ['a dot segment with a ;parameter', '..;x=1', DOT('..;x=1', '..')],
    ['a dot segment in whitespace', ' ..\n', DOT(' ..\n', '..')],
    ['a slash', 'a/b', SLASH('a/b', false)],
    ['a backslash', '..\\x', SLASH('..\\x', false)],
    ['an encoded slash', 'a%2Fb', SLASH('a%2Fb', true)],
    ['an encoded backslash', '%5C', SLASH('%5C', true)],
    ['a fullwidth solidus (NFKC)', 'a／b', SLASH('a／b', true)],
    ['empty', '', 'id must not be empty; it fills one path segment'],
    ['blank', '  ', 'id must not be empty ("  " reads as empty); it fills one path segment'],
    ['only a ;parameter', ';jsessionid=1', 'id must not be empty (";jsessionid=1" reads as empty); it fills one path segment'],
  ])('%s', (_name, given, want) => {
    expect(checkPathValue('id', given)).toBe(want)
  })
})
