// Turns the model's TypeScript into the sandbox's `user.js`: types stripped with Sucrase (which keeps line
// numbers), syntax checked with acorn, and wrapped so that line N of the model's code is line N of user.js.
import { parse } from 'acorn'
import { transform } from 'sucrase'
import { GUARD, instrumentCode } from './instrument-code.ts'

export type PreparedCode = { ok: true; module: string; prefixLength: number } | { ok: false; error: string }

/** Accepts an async arrow function (`async () => { … }`), any function expression, or a bare function body. */
export function prepareCode(source: string, apiNames: string[]): PreparedCode {
  let js: string
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code
  } catch (err) {
    return { ok: false, error: syntaxMessage(err) }
  }
  const trimmed = js.replace(/[\s;]+$/, '')
  const names = apiNames.join(', ')
  const asFunction = isFunctionExpression(trimmed)
  const head = `import { ${GUARD} } from './runtime.js'; export default async ({ ${names} }) =>`
  const prefix = asFunction ? `${head} (` : `${head} {`
  const module = asFunction ? `${prefix}${trimmed}\n)()\n` : `${prefix}${trimmed}\n}\n`
  try {
    parse(module, { ecmaVersion: 'latest', sourceType: 'module' })
  } catch (err) {
    return { ok: false, error: syntaxMessage(err, prefix.length) }
  }
  const instrumented = instrumentCode(module, prefix.length)
  if (!instrumented.ok) return instrumented
  return { ok: true, module: instrumented.code, prefixLength: prefix.length }
}

function isFunctionExpression(js: string): boolean {
  try {
    const program = parse(`(${js}\n)`, { ecmaVersion: 'latest', sourceType: 'module' }) as unknown as {
      body: { type: string; expression?: { type: string } }[]
    }
    const expr = program.body.length === 1 ? program.body[0]?.expression : undefined
    return expr?.type === 'ArrowFunctionExpression' || expr?.type === 'FunctionExpression'
  } catch {
    return false
  }
}

function syntaxMessage(err: unknown, prefixLength = 0): string {
  const e = err as { message?: string; loc?: { line: number; column: number }; raisedAt?: number }
  const message = String(e.message ?? err).replace(/\s*\(\d+:\d+\)\s*$/, '')
  // acorn (which sets raisedAt) counts columns from 0; Sucrase counts them from 1.
  const loc = e.loc ? { line: e.loc.line, column: e.loc.column + (e.raisedAt === undefined ? 0 : 1) } : parseLoc(String(e.message))
  if (!loc) return `SyntaxError: ${message}`
  const column = loc.line === 1 ? Math.max(1, loc.column - prefixLength) : loc.column
  return `SyntaxError at line ${loc.line}, column ${column}: ${message}`
}

function parseLoc(message: string): { line: number; column: number } | undefined {
  const m = /\((\d+):(\d+)\)/.exec(message)
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined
}
