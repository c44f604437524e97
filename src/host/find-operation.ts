// Matches a concrete `METHOD /path` against the operation table's path templates, for the raw request escape hatch
// and for `METHOD /path` lookups in search. The matchers are built once per API and tried most specific first.
import type { OperationSpec } from '../artifacts.ts'
import type { Api } from '../create-catalog.ts'

export type FoundOperation = { op: OperationSpec; pathParams: Record<string, string> } | { error: string }

interface Matcher {
  op: OperationSpec
  pattern: RegExp
  names: string[]
  /** Per segment: true where it is literal text only. */
  literal: boolean[]
}

interface Matchers {
  exact: Map<string, OperationSpec>
  byMethod: Map<string, Matcher[]>
}

const built = new WeakMap<Api, Matchers>()

export function findOperationByPath(api: Api, method: unknown, path: unknown): FoundOperation {
  if (typeof method !== 'string' || typeof path !== 'string') return { error: 'expected { method: "GET", path: "/..." }' }
  const wanted = method.toUpperCase()
  const bare = path.split('?')[0] as string
  const matchers = matchersFor(api)
  const exact = matchers.exact.get(`${wanted} ${bare}`)
  if (exact) return { op: exact, pathParams: {} }
  let undecodable: string | undefined
  for (const { op, pattern, names } of matchers.byMethod.get(wanted) ?? []) {
    const m = pattern.exec(bare)
    if (!m) continue
    const values = m.slice(1).map(decode)
    const bad = values.findIndex((v) => v === undefined)
    if (bad < 0) return { op, pathParams: Object.fromEntries(names.map((n, i) => [n, values[i] as string])) }
    undecodable ??= m[bad + 1]
  }
  if (undecodable !== undefined) return { error: `${wanted} ${bare}: "${undecodable}" is not valid percent-encoding; write a literal "%" as "%25"` }
  return { error: `no operation matches ${wanted} ${bare}. Use search to find the path.` }
}

function matchersFor(api: Api): Matchers {
  let matchers = built.get(api)
  if (!matchers) {
    matchers = { exact: new Map(), byMethod: new Map() }
    for (const op of api.operations) {
      const key = `${op.method} ${op.path}`
      if (!matchers.exact.has(key)) matchers.exact.set(key, op)
      const list = matchers.byMethod.get(op.method) ?? []
      list.push(matcherFor(op))
      matchers.byMethod.set(op.method, list)
    }
    for (const list of matchers.byMethod.values()) list.sort(moreSpecificFirst)
    built.set(api, matchers)
  }
  return matchers
}

/** `{name}` becomes one path segment's worth of text; only the literal text around it is escaped. */
function matcherFor(op: OperationSpec): Matcher {
  const names: string[] = []
  const source = op.path
    .split(/\{([^}]+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(part)
      return '([^/]+)'
    })
    .join('')
  const literal = op.path.split('/').map((segment) => !segment.includes('{'))
  return { op, pattern: new RegExp(`^${source}/?$`), names, literal }
}

/** More literal segments first; among equals (of one length), the one whose first differing segment is literal; then table order. */
function moreSpecificFirst(a: Matcher, b: Matcher): number {
  const count = (m: Matcher) => m.literal.filter(Boolean).length
  if (count(a) !== count(b)) return count(b) - count(a)
  if (a.literal.length !== b.literal.length) return a.literal.length - b.literal.length
  const at = a.literal.findIndex((lit, i) => lit !== b.literal[i])
  return at < 0 ? 0 : a.literal[at] ? -1 : 1
}

/** decodeURIComponent, or undefined for malformed percent-encoding (which it would throw on). */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
