// An exact-looking query that matched nothing (an operation name, `METHOD /path` or type name the API does not have)
// is said to be missing on the answer's first line, so the operations under it read as suggestions, not matches.
import type { Catalog } from '../create-catalog.ts'
import { closestNames } from '../edit-distance.ts'
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
  const apis = (onlyApi ? [onlyApi] : catalog.apiNames()).filter((api) => !qualifier || qualifier === api)
  return apis.flatMap((api) => closestNames(name, catalog.getApi(api)!.byName.keys()).map((n) => ({ api, name: n }))).slice(0, 3)
}
