// instrumentCode guards every loop body and every function body the model wrote, without adding a line and without
// changing what the code computes.
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
import { instrumentCode } from '../../src/execute/instrument-code.ts'

function instrument(source: string): string {
  const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowReturnOutsideFunction: true })
  const out = instrumentCode(source, ast, 0)
  if (!out.ok) throw new Error(out.error)
  return out.code
}

/** Runs `return <expression>` plain and instrumented (with a guard that counts its calls). */
function evaluate(expression: string): { plain: unknown; guarded: unknown; guards: number } {
  const source = `return ${expression}`
  let guards = 0
  const guarded = new Function('__guard', instrument(source))(() => guards++)
  return { plain: new Function(source)(), guarded, guards }
}

describe('instrumentCode on functions', () => {
  it.each([
    ['a block-bodied arrow', 'const f = (x) => { return x }', 'const f = (x) => {__guard(1); return x }'],
    ['an expression-bodied arrow', 'xs.map(x => x + 1)', 'xs.map(x => (__guard(1), x + 1))'],
    ['an arrow returning an object literal', 'xs.map(x => ({ x }))', 'xs.map(x => ((__guard(1), { x })))'],
    ['an arrow whose body is an assignment', 'xs.forEach(x => y = x)', 'xs.forEach(x => (__guard(1), y = x))'],
    ['an arrow passed before another argument', 'xs.map(x => x, that)', 'xs.map(x => (__guard(1), x), that)'],
    ['nested arrows ending together', 'const add = a => b => a + b', 'const add = a => (__guard(1), b => (__guard(1), a + b))'],
    ['an async arrow awaiting', 'const g = async (p) => await p', 'const g = async (p) => (__guard(1), await p)'],
    ['a function declaration', 'function f() {}', 'function f() {__guard(1);}'],
    ['a function expression', 'const f = function () { return 1 }', 'const f = function () {__guard(1); return 1 }'],
    ['a generator', 'function* g() { yield 1 }', 'function* g() {__guard(1); yield 1 }'],
    ['methods, getters and setters', 'class C { m() {} get x() { return 1 } set x(v) {} }', 'class C { m() {__guard(1);} get x() {__guard(1); return 1 } set x(v) {__guard(1);} }'],
    ['an arrow as the lone statement of a loop', 'for (;;) f = x => x', 'for (;;) {__guard(1);f = x => (__guard(1), x)}'],
    ['an arrow ending a loop statement and a function', 'function f() { while (a) g = () => b }', 'function f() {__guard(1); while (a) {__guard(1);g = () => (__guard(1), b)} }'],
  ])('guards %s', (_name, source, want) => {
    expect(instrument(source)).toBe(want)
  })

  it('names the line where each function starts, and adds no line', () => {
    const source = 'const xs = Array.from({ length: 3 }, (_, i) =>\n  i * 2)\nconst total = xs.reduce(\n  (sum, x) => {\n    return sum + x\n  }, 0)'
    const code = instrument(source)
    expect(code.split('\n')).toEqual([
      'const xs = Array.from({ length: 3 }, (_, i) =>',
      '  (__guard(1), i * 2))',
      'const total = xs.reduce(',
      '  (sum, x) => {__guard(4);',
      '    return sum + x',
      '  }, 0)',
    ])
  })

  it('leaves code outside the model’s part alone', () => {
    const source = 'const wrap = () => 1; f(() => 2)'
    const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true })
    expect(instrumentCode(source, ast, source.indexOf('f('))).toEqual({ ok: true, code: 'const wrap = () => 1; f(() => (__guard(1), 2))' })
  })

  it.each([
    ['map with an expression body', '[1, 2, 3].map((x) => x * 2)', [2, 4, 6], 3],
    ['map to object literals', '[1, 2].map((id) => ({ id }))', [{ id: 1 }, { id: 2 }], 2],
    ['a comma inside the body', '[1, 2].map((x) => (x, x + 10))', [11, 12], 2],
    ['an arrow and a sequence around it', '(0, [5].map((x) => x))[0]', 5, 1],
    ['reduce with a block body', '[1, 2, 3].reduce((s, x) => { return s + x }, 0)', 6, 3],
    ['curried arrows', '((a) => (b) => a + b)(1)(2)', 3, 2],
    ['a conditional body', '[1, 2].map((x) => x > 1 ? "big" : "small")', ['small', 'big'], 2],
    ['a recursive function', '(function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) })(5)', 120, 5],
    ['a loop calling a callback', '(() => { let t = 0; for (const x of [1, 2]) t += [x].map((y) => y)[0]; return t })()', 3, 5],
  ])('computes the same with the guard: %s', (_name, expression, value, guards) => {
    expect(evaluate(expression)).toEqual({ plain: value, guarded: value, guards })
  })
})
