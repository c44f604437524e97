// Checks what can be seen of the model's API calls before any of it runs: operation names that do not exist, and
// object-literal inputs that fail the operation's schema (unknown or missing fields, wrong literal types). Values
// computed at run time are left to the host's own validation, which checks every call again as it is made.
import type { Catalog } from '../create-catalog.ts'
import { closestNames } from '../edit-distance.ts'
import { hostOwnedSlots, ownedInputKey } from '../host/host-owned-slots.ts'
import { validateInput } from '../host/validate-input.ts'
import { type StaticInput, staticInput } from './static-input.ts'
import { type AstNode as Node, walkAst } from './walk-ast.ts'

const MAX_PROBLEMS = 5

interface Call {
  api: string
  name: string
  input?: Node
  line: number
  paged?: boolean
}

/** Problems found in `ast` (the model's code from `offset` on), one line each naming the line, the call and the fix. */
export function checkCalls(ast: unknown, offset: number, apis: string[], catalog: Pick<Catalog, 'getApi' | 'getSchemas'>): string[] {
  const rebound = new Set<string>()
  const calls: Call[] = []
  walkAst(ast, (node) => {
    if (node.start < offset) return
    // A model that names its own variable like an API namespace calls that, not the API: leave it alone.
    if (node.type === 'VariableDeclarator' || FUNCTIONS.has(node.type)) for (const name of boundNames(node)) rebound.add(name)
    const callee = node.type === 'CallExpression' ? (node.callee as Node) : undefined
    const target = callee?.type === 'MemberExpression' ? (callee.object as Node) : undefined
    if (!callee || target?.type !== 'Identifier' || !apis.includes(target.name as string)) return
    let name = memberName(callee)
    let args = node.arguments as Node[]
    const paged = name === 'paginate'
    if (paged) {
      // `<api>.paginate('<operation>', input, options)`: checked as a call of that operation that must page.
      name = args[0]?.type === 'Literal' && typeof args[0].value === 'string' ? args[0].value : undefined
      args = args.slice(1)
    }
    if (name === undefined || name === 'request') return
    calls.push({ api: target.name as string, name, input: args[0], line: node.loc?.start.line ?? 0, paged })
  })
  const problems: string[] = []
  for (const call of calls) {
    if (rebound.has(call.api) || problems.length >= MAX_PROBLEMS) continue
    const problem = checkCall(call, catalog)
    if (problem) problems.push(problem)
  }
  return problems
}

function checkCall(call: Call, catalog: Pick<Catalog, 'getApi' | 'getSchemas'>): string | undefined {
  const api = catalog.getApi(call.api)
  if (!api) return undefined
  const label = `${call.api}.${call.name}`
  const op = api.byName.get(call.name)
  if (!op) {
    const close = closestNames(call.name, api.byName.keys())
    const hint = close.length ? ` Did you mean ${close.map((n) => `${call.api}.${n}`).join(', ')}?` : ''
    return `line ${call.line}: ${label} is not an operation of ${call.api}.${hint} Use search to find operation names.`
  }
  if (call.paged && !op.pagination) return `line ${call.line}: ${label} does not page (its spec shows no pagination); call ${label}(input) directly.`
  const input = call.input ? staticInput(call.input) : { value: undefined, dynamic: [], lines: new Map() }
  if (!input || call.input?.type === 'SpreadElement') return undefined
  const forged = ownedInputKey(input.value, (op.input.properties ?? {}) as Record<string, unknown>, hostOwnedSlots(api.meta.securitySchemes))
  if (forged) return `line ${call.line}: ${label}: ${forged}.`
  const problems = validateInput(input.value, op.input, catalog.getSchemas(call.api)).filter((p) => known(p, input))
  if (!problems.length) return undefined
  const line = lineOf(problems[0] as string, input) ?? call.line
  const text = problems.join('; ')
  return `line ${line}: ${label}: ${text}${/[?.]$/.test(text) ? '' : '.'} Fix the input; call search with "${call.name}" to see its signature.`
}

/** Whether a problem is about what the literal states, rather than about a value computed at run time. */
function known(problem: string, input: StaticInput): boolean {
  if (problem.startsWith('unknown field ')) return true
  return !input.dynamic.some((path) => {
    if (problem.startsWith(`${path} `) || problem.startsWith(`${path}.`) || problem.startsWith(`${path}[`)) return true
    // A problem with an object or array that holds a computed value (say, a shape it does not match) is unknown too.
    return ancestors(path).some((a) => problem.startsWith(`${a} `))
  })
}

function ancestors(path: string): string[] {
  return [...path.matchAll(/[.[]/g)].map((m) => path.slice(0, m.index))
}

function lineOf(problem: string, input: StaticInput): number | undefined {
  const path = /^unknown field "([^"]*)"/.exec(problem)?.[1] ?? problem.split(' ')[0] ?? ''
  for (let p = path; p; p = ancestors(p).at(-1) ?? '') if (input.lines.has(p)) return input.lines.get(p)
  return input.lines.get('')
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'])

function boundNames(node: Node): string[] {
  const ids = node.type === 'VariableDeclarator' ? [node.id] : [node.id, ...(node.params as unknown[])]
  return ids.filter((id): id is Node => !!id && (id as Node).type === 'Identifier').map((id) => id.name as string)
}

function memberName(member: Node): string | undefined {
  const p = member.property as Node
  if (!member.computed && p.type === 'Identifier') return p.name as string
  return member.computed && p.type === 'Literal' && typeof p.value === 'string' ? p.value : undefined
}
