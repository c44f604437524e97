import { describe, expect, it } from 'vitest'
import { prepareCode } from '../../src/execute/prepare-code.ts'

describe('prepareCode', () => {
  it('strips types and keeps the model’s line numbers', async () => {
    const out = await prepareCode('async () => {\n  const n: number = 1\n  return n\n}', ['api'])
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.module.split('\n')[1]).toBe('  const n = 1')
    expect(out.module.split('\n')[0]).toMatch(/^import \{ __guard \} from '\.\/runtime\.js'; export default async \(\{ api \}\) => \(async \(\) => \{__guard\(1\);$/)
  })

  it('accepts a bare function body', async () => {
    const out = await prepareCode('const r = await api.list()\nreturn r', ['api'])
    expect(out.ok && out.module).toContain('=> {const r = await api.list()\nreturn r\n}')
  })

  it('calls a named function', async () => {
    const out = await prepareCode('async function main() {\n  return 1\n}', ['api'])
    expect(out.ok && out.module).toBe("import { __guard } from './runtime.js'; export default async ({ api }) => (async function main() {__guard(1);\n  return 1\n}\n)()\n")
  })

  it('puts a guard in every loop, including single-statement bodies', async () => {
    const out = await prepareCode('async () => {\n  while (a) {}\n  for (;;) x++\n  do {} while (b)\n  for (const k of []) {}\n}', [])
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
    ['a redeclaration, which only acorn finds', 'let x = 1\nlet x = 2', "SyntaxError at line 2, column 5: Identifier 'x' has already been declared"],
    [
      'a dynamic import',
      'async () => {\n  await import("node:fs")\n}',
      'import is not available in the sandbox (line 2): the only way out is the API namespaces. Call the API through them instead.',
    ],
    ['import.meta', 'async () => import.meta', 'import.meta is not available in the sandbox (line 1).'],
  ])('refuses %s', async (_name, code, want) => {
    expect(await prepareCode(code, ['api'])).toEqual({ ok: false, error: want })
  })

  it.each([
    ['a const', 'async () => {\n  const __guard = () => {}\n  while (true) {}\n}', 2],
    ['a parameter', '(async (__guard) => {\n  while (true) {}\n})', 1],
    ['a function', 'function __guard() {}\nwhile (true) {}', 1],
    ['a destructured binding', 'async () => {\n  const { a: __guard } = { a: () => {} }\n}', 2],
    ['a shorthand binding', 'async () => {\n  let { __guard } = { __guard: () => {} }\n}', 2],
    ['an assignment', 'async () => {\n  __guard = () => {}\n}', 2],
    ['a catch parameter', 'try {} catch (__guard) {\n  while (true) {}\n}', 1],
    ['a name written with an escape', 'async () => {\n  const \\u005f_guard = () => {}\n}', 2],
  ])('refuses a variable named like the loop guard: %s', async (_name, code, line) => {
    expect(await prepareCode(code, ['api'])).toEqual({
      ok: false,
      error: `__guard is reserved in the sandbox (line ${line}): it is the name of the loop guard. Use another name.`,
    })
  })

  it('allows a property named like the loop guard', async () => {
    const out = await prepareCode('async () => {\n  const o = { __guard: 1 }\n  class C { __guard() {} }\n  return o.__guard\n}', ['api'])
    expect(out.ok).toBe(true)
  })
})

describe('prepareCode syntax errors found after type stripping', () => {
  it('reports acorn’s position 1-based, like Sucrase', async () => {
    expect(await prepareCode('async () => {\n  return 1 +\n}', [])).toEqual({ ok: false, error: 'SyntaxError at line 3, column 1: Unexpected token' })
  })
})
