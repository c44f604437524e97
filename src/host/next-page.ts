// One step of `<api>.paginate(name, input)`: the list in a page's body and the input of the page after it, or
// nothing when this was the last. What the upstream says comes next (a cursor, a total, a Link header) is hostile
// input: it only ever fills the operation's own query parameters, and a Link to another origin or path is refused.
import type { OperationSpec } from '../artifacts.ts'

export type PageStep = { items: unknown[]; next: Record<string, unknown> | null } | { error: string }

/** `requestUrl` is the URL the page was fetched from; `link` its response's Link header. */
export function nextPage(op: OperationSpec, input: Record<string, unknown>, body: unknown, link: string | undefined, requestUrl: URL): PageStep {
  const p = op.pagination
  if (!p) return { error: 'this operation does not page (its spec shows no pagination); call it directly' }
  const items = p.items ? at(body, p.items) : body
  if (!Array.isArray(items)) return { error: `the response has no list at "${p.items || '(the body)'}", so paging stopped` }
  const last = { items, next: null }
  if (items.length === 0) return last
  const page = (value: unknown) => (value === input[p.param] ? last : { items, next: { ...input, [p.param]: value } })
  switch (p.style) {
    case 'page': {
      const current = Number(input[p.param] ?? 1)
      const total = p.next === undefined ? undefined : Number(at(body, p.next))
      const size = p.sizeParam === undefined ? undefined : Number(input[p.sizeParam])
      if ((total !== undefined && current >= total) || (size && items.length < size)) return last
      return page(current + 1)
    }
    case 'cursor': {
      const cursor = p.next === undefined ? undefined : at(body, p.next)
      return (typeof cursor === 'string' && cursor) || typeof cursor === 'number' ? page(cursor) : last
    }
    case 'starting_after': {
      const id = (items.at(-1) as { id?: unknown } | undefined)?.id
      return at(body, 'has_more') === true && typeof id === 'string' && id ? page(id) : last
    }
    case 'link':
      return fromLink(op, input, items, link, requestUrl)
  }
}

function fromLink(op: OperationSpec, input: Record<string, unknown>, items: unknown[], link: string | undefined, requestUrl: URL): PageStep {
  const target = /<([^>]*)>\s*;[^,]*rel="?next"?/i.exec(link ?? '')?.[1]
  if (!target) return { items, next: null }
  let url: URL
  try {
    url = new URL(target, requestUrl)
  } catch {
    return { error: 'the upstream sent a Link header whose next URL is not a URL, so paging stopped' }
  }
  if (url.origin !== requestUrl.origin || url.pathname !== requestUrl.pathname)
    return { error: `the upstream's Link header points the next page at ${url.origin}${url.pathname}, not at ${requestUrl.origin}${requestUrl.pathname}; it was not followed` }
  const paths = new Set(op.params.filter((q) => q.in === 'path').map((q) => q.name))
  const properties = (op.input.properties ?? {}) as Record<string, { type?: unknown }>
  const next: Record<string, unknown> = { ...input }
  for (const q of op.params) {
    const value = url.searchParams.get(q.name)
    if (q.in !== 'query' || paths.has(q.name) || value === null) continue
    const numeric = properties[q.name]?.type === 'integer' || properties[q.name]?.type === 'number'
    next[q.name] = numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  }
  const changed = Object.keys(next).some((k) => next[k] !== input[k])
  return { items, next: changed ? next : null }
}

/** The value at a dotted path, own properties only. */
function at(value: unknown, path: string): unknown {
  let node = value
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
