import { afterEach, describe, expect, it, vi } from 'vitest'
import { sessionIdleMs } from '../../src/session/idle-expiry.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('sessionIdleMs (SESSION_IDLE_SECONDS)', () => {
  it.each([
    ['unset', undefined, 86_400_000],
    ['empty', '', 86_400_000],
    ['a number', 2, 2000],
    ['a numeric string', '3600', 3_600_000],
  ])('reads %s', (_name, value, want) => {
    expect(sessionIdleMs(value)).toBe(want)
  })

  it('names the var and the fix when the value is not a positive number, and keeps the default', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(sessionIdleMs('a day')).toBe(86_400_000)
    expect(error).toHaveBeenCalledWith('SESSION_IDLE_SECONDS must be a positive number of seconds; got "a day". Using 86400. Fix it under "vars" in wrangler.jsonc.')
  })
})
