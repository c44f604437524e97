// prepareCode parses the model's code once: acorn's parse is wrapped (not replaced) to count its calls.
import * as acorn from 'acorn'
import { beforeEach, expect, it, vi } from 'vitest'
import { prepareCode } from '../../src/execute/prepare-code.ts'

vi.mock('acorn', async (importOriginal) => {
  const real = await importOriginal<typeof import('acorn')>()
  return { ...real, parse: vi.fn(real.parse) }
})

beforeEach(() => vi.mocked(acorn.parse).mockClear())

it.each([
  ['an async arrow function', 'async () => {\n  for (const x of [1]) {}\n  return 1\n}'],
  ['a bare function body', 'const r = await api.list()\nwhile (r.next) {}\nreturn r'],
  ['a named function', 'async function main() {\n  return 1\n}'],
  ['a syntax error only acorn finds', 'let x = 1\nlet x = 2'],
])('parses %s once', async (_name, code) => {
  await prepareCode(code, ['api'])
  expect(vi.mocked(acorn.parse)).toHaveBeenCalledTimes(1)
})
