// The guard's cost on code that calls back a lot but stays within budget (for bench:cpu-burn): the same bodies plain
// and instrumented by src/execute/instrument-code.ts, with a guard like sandbox/runtime.js's, under this Node's V8.
import { parse } from 'acorn'
import { instrumentCode } from '../src/execute/instrument-code.ts'
import { median } from './percentile.ts'

const GUARD_COST: [string, string][] = [
  ['`.map((x) => x + 1)` over 1,000,000', 'return new Array(1_000_000).fill(1).map((x) => x + 1).length'],
  ['`.reduce((s, x) => s + x, 0)` over 1,000,000', 'return new Array(1_000_000).fill(1).reduce((s, x) => s + x, 0)'],
  ['`.sort((a, b) => a - b)` over 300,000', 'return Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000).sort((a, b) => a - b).length'],
  ['recursive `fib(25)`', 'const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2))\nreturn fib(25)'],
]
let guardCalls = 0
const guard = (line: number) => {
  if (++guardCalls > 1e15) throw new Error(`CPU limit (at line ${line})`)
}

/** Median ms per body, plain and guarded, over 20 interleaved runs after 5 warm-ups. */
export function measureGuardCost(): { label: string; plain: number; guarded: number }[] {
  return GUARD_COST.map(([label, body]) => {
    const ast = parse(body, { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowReturnOutsideFunction: true })
    const out = instrumentCode(body, ast, 0)
    if (!out.ok) throw new Error(out.error)
    const plain = new Function(body) as () => unknown
    const guarded = new Function('__guard', out.code) as (g: typeof guard) => unknown
    const times = { plain: [] as number[], guarded: [] as number[] }
    for (let i = 0; i < 25; i++) {
      let t0 = performance.now()
      plain()
      times.plain.push(performance.now() - t0)
      t0 = performance.now()
      guarded(guard)
      times.guarded.push(performance.now() - t0)
    }
    return { label, plain: median(times.plain.slice(5)), guarded: median(times.guarded.slice(5)) }
  })
}
