// Local `$ref` resolution (RFC 6901 pointers into the same document). External references are reported, not fetched.

export type Json = Record<string, unknown>

export function isRef(value: unknown): value is { $ref: string } {
  return !!value && typeof value === 'object' && typeof (value as Json).$ref === 'string'
}

/** Returns the value at a local pointer such as "#/components/schemas/Pet", or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = doc
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (!node || typeof node !== 'object') return undefined
    node = (node as Json)[key]
  }
  return node
}

/** Follows a chain of `$ref`s (cycle-safe) to the first non-reference object. */
export function deref<T = Json>(doc: unknown, value: unknown): T | undefined {
  const seen = new Set<string>()
  let node = value
  while (isRef(node)) {
    if (seen.has(node.$ref)) return undefined
    seen.add(node.$ref)
    node = resolvePointer(doc, node.$ref)
  }
  return node as T | undefined
}
