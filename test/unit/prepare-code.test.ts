import { describe, expect, it } from 'vitest'
import { prepareCode } from '../../src/execute/prepare-code.ts'

describe('prepareCode', () => {
  it('strips types and keeps the model’s line numbers', () => {
    const out = prepareCode('async () => {\n  const n: number = 1\n  return n\n}', ['api'])
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.module.split('\n')[1]).toBe('  const n = 1')
    expect(out.module.split('\n')[0]).toMatch(/^import \{ __guard \} from '\.\/runtime\.js'; export default async \(\{ api \}\) => \(async \(\) => \{$/)
  })

  it('accepts a bare function body', () => {
    const out = prepareCode('const r = await api.list()\nreturn r', ['api'])
    expect(out.ok && out.module).toContain('=> {const r = await api.list()\nreturn r\n}')
  })

  it('puts a guard in every loop, including single-statement bodies', () => {
    const out = prepareCode('async () => {\n  while (a) {}\n  for (;;) x++\n  do {} while (b)\n  for (const k of []) {}\n}', [])
    expect(out.ok && out.module.split('\n').slice(1, 5)).toEqual([
      '  while (a) {__guard(2);}',
      '  for (;;) {__guard(3);x++}',
      '  do {__guard(4);} while (b)',
      '  for (const k of []) {__guard(5);}',
    ])
  })

  it.each([
    ['a syntax error, with line and column', 'async () => {\n  const = 1\n}', 'SyntaxError at line 2, column 9: Unexpected token'],
    ['a type-only syntax error', 'async () => { let x: = 1 }', 'SyntaxError at line 1, column 22: Unexpected token'],
    [
      'a dynamic import',
      'async () => {\n  await import("node:fs")\n}',
      'import is not available in the sandbox (line 2): the only way out is the API namespaces. Call the API through them instead.',
    ],
    ['import.meta', 'async () => import.meta', 'import.meta is not available in the sandbox (line 1).'],
  ])('refuses %s', (_name, code, want) => {
    expect(prepareCode(code, ['api'])).toEqual({ ok: false, error: want })
  })
})

describe('prepareCode syntax errors found after type stripping', () => {
  it('reports acorn’s position 1-based, like Sucrase', () => {
    expect(prepareCode('async () => {\n  return 1 +\n}', [])).toEqual({ ok: false, error: 'SyntaxError at line 3, column 1: Unexpected token' })
  })
})
