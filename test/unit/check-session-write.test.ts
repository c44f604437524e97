import { describe, expect, it } from 'vitest'
import { checkKey, checkWrite, formatBytes, showKey, utf8Bytes } from '../../src/session/check-session-write.ts'

const LIMITS = { sessionMaxValueBytes: 1024 * 1024, sessionMaxBytes: 20 * 1024 * 1024, sessionMaxKeys: 1000, sessionMaxKeyChars: 200 }

describe('checkKey', () => {
  it.each([
    ['a number', 3, 'the key must be a string; got number'],
    ['null', null, 'the key must be a string; got null'],
    ['an object', { toString: () => 'k' }, 'the key must be a string; got object'],
    ['an empty string', '', 'the key must not be empty'],
    ['a key over the limit', 'k'.repeat(201), 'the key is 201 characters, over the 200-character limit per key (SESSION_MAX_KEY_CHARS); use a shorter key'],
  ])('refuses %s', (_name, key, want) => {
    expect(checkKey(key, LIMITS)).toBe(want)
  })

  it.each([['r1'], ['__proto__'], ['constructor'], ['k'.repeat(200)], ['zones/dns records ✓']])('accepts %s as an ordinary key', (key) => {
    expect(checkKey(key, LIMITS)).toBeUndefined()
  })
})

describe('checkWrite', () => {
  it.each([
    [
      'a value over the per-value limit',
      { bytes: 1024 * 1024 + 1, usage: { keys: 0, bytes: 0 } },
      "the value's JSON is 1,048,577 bytes, over the 1 MiB limit per value (SESSION_MAX_VALUE_BYTES); store fewer items or only the fields you need",
    ],
    [
      'a new key when the session holds the most keys',
      { bytes: 2, usage: { keys: 1000, bytes: 2000 } },
      'the session already holds 1,000 keys, the limit (SESSION_MAX_KEYS); session.delete keys you no longer need, or keep related values under one key',
    ],
    [
      'a value that would fill the session past its limit',
      { bytes: 1024 * 1024, usage: { keys: 20, bytes: 20 * 1024 * 1024 - 10 } },
      'the session would hold 22,020,086 bytes, over the 20 MiB limit per session (SESSION_MAX_BYTES); session.delete values you no longer need',
    ],
  ])('refuses %s', (_name, { bytes, usage }, want) => {
    expect(checkWrite(bytes, usage, LIMITS)).toBe(want)
  })

  it('lets an existing key be replaced when the session holds the most keys', () => {
    expect(checkWrite(10, { keys: 1000, bytes: 5000, existingBytes: 4 }, LIMITS)).toBeUndefined()
  })

  it('counts the replaced value out of the session total', () => {
    expect(checkWrite(1024 * 1024, { keys: 20, bytes: 20 * 1024 * 1024, existingBytes: 1024 * 1024 }, LIMITS)).toBeUndefined()
  })
})

describe('how sizes and keys are shown', () => {
  it('names bytes in MiB when whole, else exactly', () => {
    expect([formatBytes(1024 * 1024), formatBytes(1500)]).toEqual(['1 MiB', '1,500-byte'])
  })

  it('cuts a long key and quotes it', () => {
    expect(showKey('k'.repeat(100))).toBe(`"${'k'.repeat(40)}…"`)
    expect(showKey(7)).toBe('number')
  })

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Bytes('"é✓"')).toBe(7)
  })
})
