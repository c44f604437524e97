// Matches a concrete `METHOD /path` against the operation table's path templates, for the raw request escape hatch
// and for `METHOD /path` lookups in search.
import type { OperationSpec } from '../artifacts.ts'
import type { Api } from '../create-catalog.ts'

export type FoundOperation = { op: OperationSpec; pathParams: Record<string, string> } | { error: string }

export function findOperationByPath(api: Api, method: unknown, path: unknown): FoundOperation {
  if (typeof method !== 'string' || typeof path !== 'string') return { error: 'expected { method: "GET", path: "/..." }' }
  const wanted = method.toUpperCase()
  const bare = path.split('?')[0] as string
  const exact = api.operations.find((op) => op.method === wanted && op.path === bare)
  if (exact) return { op: exact, pathParams: {} }
  let undecodable: string | undefined
  for (const op of api.operations) {
    if (op.method !== wanted) continue
    const names: string[] = []
    const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_m, a: string, b: string) => {
      names.push(a ?? b)
      return '([^/]+)'
    })
    const m = new RegExp(`^${pattern}/?$`).exec(bare)
    if (!m) continue
    const values = m.slice(1).map(decode)
    const bad = values.findIndex((v) => v === undefined)
    if (bad < 0) return { op, pathParams: Object.fromEntries(names.map((n, i) => [n, values[i] as string])) }
    undecodable ??= m[bad + 1]
  }
  if (undecodable !== undefined) return { error: `${wanted} ${bare}: "${undecodable}" is not valid percent-encoding; write a literal "%" as "%25"` }
  return { error: `no operation matches ${wanted} ${bare}. Use search to find the path.` }
}

/** decodeURIComponent, or undefined for malformed percent-encoding (which it would throw on). */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
