// Where a path parameter's value comes from, worked out from the spec alone: `/zones/{zone_id}/dns_records` takes a
// zone_id, and `GET /zones` (the collection one segment up) returns a list whose items carry it as `id`, so
// zone_id ← zonesGet `result[].id`. Searched along the path's own prefixes, nearest first; the item field is the
// parameter's name or its last word (`pull_number` -> `number`), or on the listed items themselves `id`, `name`,
// `slug` or `key`.
import type { NamedOperation } from './build-api.ts'
import { deref, type Json, resolvePointer } from './resolve-ref.ts'

const MAX_DEPTH = 5
const GENERIC_KEYS = ['id', 'name', 'slug', 'key']

/** Per operation name: for each path parameter a source was found for, "opName → result[].id". */
export function findIdSources(doc: Json, ops: NamedOperation[]): Map<string, Record<string, string>> {
  const lists = new Map<string, NamedOperation>()
  for (const op of ops) if (op.method === 'GET' && !op.path.endsWith('}')) lists.set(op.path, op)
  const found = new Map<string, { op: string; field: string } | undefined>()
  const out = new Map<string, Record<string, string>>()
  for (const op of ops) {
    const segments = op.path.split('/')
    const sources: Record<string, string> = {}
    segments.forEach((segment, i) => {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1]
      if (!param) return
      const collection = segments.slice(0, i).join('/')
      const key = `${collection} ${param}`
      if (!found.has(key)) found.set(key, sourceIn(doc, lists.get(collection), param))
      const source = found.get(key)
      if (source && source.op !== op.name) sources[param] = `${source.op} → ${source.field}`
    })
    if (Object.keys(sources).length) out.set(op.name, sources)
  }
  return out
}

function sourceIn(doc: Json, list: NamedOperation | undefined, param: string): { op: string; field: string } | undefined {
  // A list that needs ids to list (Spotify's `GET /audio-features?ids=`) cannot be where ids come from.
  if (!list?.result || list.params.some((p) => p.required && p.in !== 'path' && /(^|_)ids?$|Ids?$/.test(p.name))) return undefined
  const operation = deref<Json>(doc, resolvePointer(doc, list.pointer))
  const response = deref<Json>(doc, (operation?.responses as Json | undefined)?.[list.result.status])
  const schema = ((response?.content as Json | undefined)?.[list.result.mediaType] as Json | undefined)?.schema
  const words = param.split(/_|(?=[A-Z])/).filter(Boolean)
  const own = [...new Set([param, words.at(-1)?.toLowerCase() ?? ''])].filter(Boolean)
  // The listed items themselves are the shallowest list; a generic key (`id`, `name`) counts only there, while
  // the parameter's own name counts in any list, shallowest first.
  const [first, ...deeper] = listsIn(doc, schema)
  for (const { at, items } of first ? [first] : []) {
    const name = [...own, ...GENERIC_KEYS].find((n) => hasProperty(doc, items, n, new Set()))
    if (name) return { op: list.name, field: `${at}[].${name}` }
  }
  for (const { at, items } of deeper) {
    const name = own.find((n) => hasProperty(doc, items, n, new Set()))
    if (name) return { op: list.name, field: `${at}[].${name}` }
  }
  return undefined
}

/** Every array of objects in a schema, breadth first, with its JSON path (`result`, `data`, `` for the root). */
function listsIn(doc: Json, root: unknown): { at: string; items: Json }[] {
  const out: { at: string; items: Json }[] = []
  const seen = new Set<unknown>()
  let level: { at: string; schema: unknown }[] = [{ at: '', schema: root }]
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: { at: string; schema: unknown }[] = []
    for (const { at, schema: raw } of level) {
      const schema = deref<Json>(doc, raw)
      if (!schema || typeof schema !== 'object' || seen.has(schema)) continue
      seen.add(schema)
      for (const part of ['allOf', 'oneOf', 'anyOf'] as const) for (const member of (schema[part] as unknown[] | undefined) ?? []) next.push({ at, schema: member })
      const items = deref<Json>(doc, schema.items)
      if (items) {
        out.push({ at, items })
        next.push({ at: `${at}[]`, schema: items })
      }
      for (const [key, value] of Object.entries((schema.properties as Json | undefined) ?? {})) next.push({ at: at ? `${at}.${key}` : key, schema: value })
    }
    level = next
  }
  return out
}

function hasProperty(doc: Json, schema: Json, name: string, seen: Set<unknown>): boolean {
  if (seen.has(schema)) return false
  seen.add(schema)
  if ((schema.properties as Json | undefined)?.[name] !== undefined) return true
  return (['allOf', 'oneOf', 'anyOf'] as const).some((part) =>
    ((schema[part] as unknown[] | undefined) ?? []).some((m) => {
      const member = deref<Json>(doc, m)
      return member ? hasProperty(doc, member, name, seen) : false
    }),
  )
}
