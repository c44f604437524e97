// An exact-looking query that matched nothing (an operation name, `METHOD /path` or type name the API does not have)
// is said to be missing on the answer's first line, so the operations under it read as suggestions, not matches.
import type { Catalog } from '../create-catalog.ts'
import { findOperationByPath } from '../host/find-operation.ts'

export const IDENTIFIER = /^(?:([A-Za-z_$][\w$]*)\.)?([A-Za-z_$][\w$]*)$/
export const METHOD_PATH = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+(\/\S*)$/i
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE']
// A single word someone types as free text ("zones") is not a name; camelCase, PascalCase with two words, or an
// underscore is.
const NAME_LIKE = /[a-z0-9][A-Z]|_/

/** The first line for a query that names something this server does not have; undefined for free text. */
export function describeMiss(catalog: Catalog, query: string, onlyApi?: string): string | undefined {
  const apis = onlyApi ? [onlyApi] : catalog.apiNames()
  const where = apis.length === 1 ? `in ${apis[0]}` : `in any API here (${apis.join(', ')})`
  const methodPath = METHOD_PATH.exec(query)
  if (methodPath) {
    const [, method, path] = methodPath as unknown as [string, string, string]
    const others = apis.flatMap((api) =>
      METHODS.filter((m) => m !== method.toUpperCase()).flatMap((m) => {
        const found = findOperationByPath(catalog.getApi(api)!, m, path)
        return 'op' in found ? [`${m} (${api}.${found.op.name})`] : []
      }),
    )
    const exists = others.length ? ` The path exists with ${others.join(', ')}.` : ''
    return `No operation is ${method.toUpperCase()} ${path} ${where}.${exists}`
  }
  const id = IDENTIFIER.exec(query)
  if (!id) return undefined
  const [, qualifier, name] = id as unknown as [string, string | undefined, string]
  if (qualifier && !catalog.apiNames().includes(qualifier)) return `"${qualifier}" is not an API here; the APIs are ${catalog.apiNames().join(', ')}.`
  if (!qualifier && !NAME_LIKE.test(name)) return undefined
  const elsewhere = onlyApi && !qualifier ? catalog.apiNames().find((api) => api !== onlyApi && catalog.getApi(api)!.byName.has(name)) : undefined
  const hint = elsewhere ? ` ${elsewhere}.${name} exists: search "${elsewhere}.${name}".` : ''
  return `No operation or type is named ${qualifier ? `${qualifier}.${name}` : `${name} ${where}`}.${hint}`
}

/** Operation names within a few edits of a mistyped one ("zonesGetx" -> zonesGet), closest first. */
export function nearNames(catalog: Catalog, query: string, onlyApi?: string): { api: string; name: string }[] {
  const id = IDENTIFIER.exec(query)
  if (!id) return []
  const [, qualifier, name] = id as unknown as [string, string | undefined, string]
  const wanted = name.toLowerCase()
  const limit = Math.max(2, Math.floor(wanted.length / 5))
  const near: { api: string; name: string; d: number }[] = []
  for (const api of onlyApi ? [onlyApi] : catalog.apiNames()) {
    if (qualifier && qualifier !== api) continue
    for (const op of catalog.getApi(api)!.operations) {
      const d = editDistance(wanted, op.name.toLowerCase(), limit)
      if (d <= limit) near.push({ api, name: op.name, d })
    }
  }
  return near.sort((a, b) => a.d - b.d).slice(0, 3)
}

/** Levenshtein distance, giving up (limit + 1) once every path is over `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    if (Math.min(...row) > limit) return limit + 1
    prev = row
  }
  return prev[b.length]!
}
