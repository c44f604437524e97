// Static pass over the model's JavaScript (after type stripping): refuses imports, `import.meta` and any variable
// named like the guard (which would shadow it), and puts an iteration guard at the top of every loop body and of
// every function body. Local workerd enforces no CPU limit, so without the guard a synchronous `while (true) {}`
// would freeze the whole runtime; guarding functions too makes callbacks that native code calls in a loop
// (`Array.from({ length: 1e9 }, f)`, `.map`, `.sort` with a comparator) count against the same budget.
// `Date.now()` does not advance in synchronous code, so the guard counts instead of timing. Edits never add lines,
// so line numbers stay the model's own.
import type { Node } from 'acorn'
import { walkAst } from './walk-ast.ts'

export const GUARD = '__guard'

const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement'])
const KEYED = new Set(['Property', 'PropertyDefinition', 'MethodDefinition'])
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'])

/** An insertion: `close` ones end a wrapped node, so at one position they go before any that open one. */
interface Edit {
  at: number
  text: string
  close?: boolean
}

export type InstrumentResult = { ok: true; code: string } | { ok: false; error: string }

/**
 * `ast` is `module` parsed with locations (or a tree whose nodes from `offset` on stand where they stand in `module`);
 * `offset` is where the model's code starts on line 1 (the wrapper's length).
 */
export function instrumentCode(module: string, ast: Node, offset: number): InstrumentResult {
  const edits: Edit[] = []
  let refused: string | undefined
  // Property names (`x.__guard`, `{ __guard: 1 }`) are not variables, so they cannot shadow the guard.
  const propertyNames = new WeakSet<object>()
  walkAst(ast, (node) => {
    if (refused) return
    const line = node.loc?.start.line ?? 0
    if (node.type === 'MemberExpression' && !node.computed) propertyNames.add(node.property as object)
    if (KEYED.has(node.type) && !node.computed && !node.shorthand) propertyNames.add(node.key as object)
    if (node.type === 'Identifier' && node.name === GUARD && node.start >= offset && !propertyNames.has(node)) {
      refused = `${GUARD} is reserved in the sandbox (line ${line}): it is the name of the loop guard. Use another name.`
    } else if (node.type === 'ImportExpression' || (node.type === 'ImportDeclaration' && node.start >= offset)) {
      refused = `import is not available in the sandbox (line ${line}): the only way out is the API namespaces. Call the API through them instead.`
    } else if (node.type === 'MetaProperty') {
      refused = `import.meta is not available in the sandbox (line ${line}).`
    } else if ((LOOPS.has(node.type) || (FUNCTIONS.has(node.type) && node.start >= offset)) && node.body) {
      const body = node.body
      const loop = LOOPS.has(node.type)
      if (body.type === 'BlockStatement') edits.push({ at: body.start + 1, text: `${GUARD}(${line});` })
      // A loop's lone statement becomes a block; an arrow's expression body a parenthesized sequence, which keeps
      // an object literal (already inside the model's own parentheses) and any comma in the body apart.
      else edits.push({ at: body.start, text: loop ? `{${GUARD}(${line});` : `(${GUARD}(${line}), ` }, { at: body.end, text: loop ? '}' : ')', close: true })
    }
  })
  return refused ? { ok: false, error: refused } : { ok: true, code: applyEdits(module, edits) }
}

/**
 * Inserts every edit into `code`. `edits` come in walk order (outer nodes first); at one position, closing edits go
 * first, inner ones before outer ones (`x)}`), then opening edits, outer ones before inner ones.
 */
function applyEdits(code: string, edits: Edit[]): string {
  const order = edits.map((edit, i) => ({ edit, rank: edit.close ? -1 - i : 1 + i }))
  order.sort((a, b) => a.edit.at - b.edit.at || a.rank - b.rank)
  let out = ''
  let from = 0
  for (const { edit } of order) {
    out += code.slice(from, edit.at) + edit.text
    from = edit.at
  }
  return out + code.slice(from)
}
