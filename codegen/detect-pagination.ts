// Stage 3b: how an operation pages through a list, read from its query parameters and its success response (body
// schema and headers). Four styles the shipped specs use: a page number with a total (Cloudflare `result_info`),
// a cursor the response hands back, a `Link: <…>; rel="next"` header (GitHub), and `has_more` + `starting_after`
// (Stripe). Only what the spec states is used; an operation it cannot read stays without pagination.
import type { Pagination } from '../src/artifacts.ts'
import type { CollectedOperation } from './collect-operations.ts'
import { deref, type Json, resolvePointer } from './resolve-ref.ts'

const ITEM_KEYS = ['data', 'result', 'results', 'items', 'records', 'values', 'entries']
const CURSOR_PARAMS = ['cursor', 'page_token', 'pageToken', 'next_token', 'nextToken', 'continuation_token', 'after']
const CURSOR_FIELDS = ['next_cursor', 'cursor', 'next_page_token', 'nextPageToken', 'next_token', 'nextToken', 'after']
const SIZE_PARAMS = ['per_page', 'limit', 'page_size', 'pageSize', 'count']
const NESTS = ['', 'result_info', 'meta', 'pagination', 'page_info', 'paging', 'cursors']

/** The operation's pagination, or undefined when its spec shows none. */
export function detectPagination(doc: Json, op: CollectedOperation): Pagination | undefined {
  if (op.method !== 'GET') return undefined
  const query = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name))
  const response = successResponse(doc, op)
  if (!response) return undefined
  const schema = deref<Json>(doc, ((response.content as Json | undefined)?.[op.result?.mediaType ?? ''] as Json | undefined)?.schema)
  const items = itemsPath(doc, schema)
  if (items === undefined) return undefined
  const sizeParam = SIZE_PARAMS.find((p) => query.has(p))
  const size = sizeParam ? { sizeParam } : {}
  const props = (path: string) => propertiesOf(doc, path ? deref<Json>(doc, fieldAt(doc, schema, path)) : schema)
  const find = (names: string[]) => {
    for (const nest of NESTS) for (const name of names) if (props(nest)[name]) return nest ? `${nest}.${name}` : name
    return undefined
  }
  if (query.has('starting_after') && props('').has_more) return { style: 'starting_after', param: 'starting_after', items, next: 'has_more', ...size }
  const cursorParam = CURSOR_PARAMS.find((p) => query.has(p))
  const cursorField = cursorParam && find(CURSOR_FIELDS)
  if (cursorParam && cursorField) return { style: 'cursor', param: cursorParam, items, next: cursorField, ...size }
  const headers = Object.keys((response.headers as Json | undefined) ?? {}).map((h) => h.toLowerCase())
  if (headers.includes('link') && (query.has('page') || cursorParam)) return { style: 'link', param: query.has('page') ? 'page' : (cursorParam as string), items, ...size }
  if (query.has('page')) {
    const total = find(['total_pages', 'totalPages', 'page_count', 'pageCount'])
    return { style: 'page', param: 'page', items, ...(total ? { next: total } : {}), ...size }
  }
  return undefined
}

function successResponse(doc: Json, op: CollectedOperation): Json | undefined {
  const operation = resolvePointer(doc, op.pointer) as Json | undefined
  const status = op.result?.status
  return status ? deref<Json>(doc, (operation?.responses as Json | undefined)?.[status]) : undefined
}

/** Where the list is: '' for a top-level array, else a property of the body that is an array. */
function itemsPath(doc: Json, schema: Json | undefined): string | undefined {
  if (!schema) return undefined
  if (schema.type === 'array') return ''
  const props = propertiesOf(doc, schema)
  const arrays = Object.keys(props).filter((k) => deref<Json>(doc, props[k])?.type === 'array')
  return ITEM_KEYS.find((k) => arrays.includes(k)) ?? (arrays.length === 1 ? arrays[0] : undefined)
}

function fieldAt(doc: Json, schema: Json | undefined, name: string): unknown {
  return propertiesOf(doc, schema)[name]
}

/** Properties of a schema and of its allOf / anyOf / oneOf members, references followed. */
function propertiesOf(doc: Json, schema: Json | undefined, depth = 0): Record<string, unknown> {
  if (!schema || depth > 4) return {}
  const out: Record<string, unknown> = { ...((schema.properties as Json | undefined) ?? {}) }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of (schema[key] as unknown[] | undefined) ?? []) Object.assign(out, propertiesOf(doc, deref<Json>(doc, part), depth + 1))
  }
  return out
}
