// Turns the model's TypeScript into the sandbox's `user.js`: types stripped with Sucrase (which keeps line
// numbers), syntax checked with acorn, and wrapped so that line N of the model's code is line N of user.js.
// Sucrase is imported on the first execute, not as the Worker starts: its modules' evaluation is startup CPU that
// search-only sessions and isolates never need.
import { type Program, parse } from 'acorn'
import { GUARD, instrumentCode } from './instrument-code.ts'

/** `ast`: the model's code parsed as a body, its nodes from `prefixLength` on, lines as the model numbered them. */
export type PreparedCode = { ok: true; module: string; prefixLength: number; ast: Program } | { ok: false; error: string }

/** Sucrase's module once imported: a warm execute goes straight to it, without the module registry's await. */
let sucrase: typeof import('sucrase') | undefined

const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration'])

/** Accepts an async arrow function (`async () => { … }`), any function expression, or a bare function body. */
export async function prepareCode(source: string, apiNames: string[]): Promise<PreparedCode> {
  sucrase ??= await import('sucrase')
  const { transform } = sucrase
  let js: string
  try {
    js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code
  } catch (err) {
    return { ok: false, error: syntaxMessage(err) }
  }
  const trimmed = js.replace(/[\s;]+$/, '')
  const head = `import { ${GUARD} } from './runtime.js'; export default async ({ ${apiNames.join(', ')} }) =>`
  // A function is called (`=> (code\n)()`), a body is wrapped (`=> {code\n}`). Both prefixes have the same length,
  // so the model's code sits at the same place in either and one parse serves both: parsed as a body, a lone
  // function is one statement, and that tree stands for the function form too (only the wrapper differs). An
  // anonymous `function () {}`, which is no statement, never gets here: Sucrase refuses it.
  const prefixLength = head.length + 2
  const asBody = `${head} {${trimmed}\n}\n`
  let ast: Program
  try {
    ast = parse(asBody, { ecmaVersion: 'latest', sourceType: 'module', locations: true })
  } catch (err) {
    return { ok: false, error: syntaxMessage(err, prefixLength) }
  }
  const module = isSingleFunction(ast, asBody.length) ? `${head} (${trimmed}\n)()\n` : asBody
  const instrumented = instrumentCode(module, ast, prefixLength)
  return instrumented.ok ? { ok: true, module: instrumented.code, prefixLength, ast } : instrumented
}

/** Whether the body holds one function and nothing else (`async () => {…}`, `function main() {…}`). */
function isSingleFunction(ast: Program, moduleLength: number): boolean {
  const exported = ast.body.length === 2 && ast.body[1]?.type === 'ExportDefaultDeclaration' ? ast.body[1].declaration : undefined
  const block = exported?.type === 'ArrowFunctionExpression' ? exported.body : undefined
  // The block must close with the wrapper's own brace (Sucrase already refuses code like `f }\n{` that would close it
  // early): then the one statement in it is all of the model's code, and `(code\n)()` parses as well.
  if (block?.type !== 'BlockStatement' || block.end !== moduleLength - 1 || block.body.length !== 1) return false
  const only = block.body[0]
  return FUNCTIONS.has((only?.type === 'ExpressionStatement' ? only.expression : only)?.type ?? '')
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
