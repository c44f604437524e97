// Inlines local `$ref`s in a JSON Schema, the way a naive OpenAPI-to-MCP server ships each tool's input schema:
// fully resolved, because most MCP clients do not follow references.
import { isRef, type Json, resolvePointer } from '../../codegen/resolve-ref.ts'

/**
 * How deep references are expanded inside one schema. A `$ref` nested more than this many references deep stays a
 * `$ref` (the bound), and so does a `$ref` to a schema already being expanded on the same branch (the cycle guard).
 */
export const MAX_REF_DEPTH = 8

export interface ExpandRefsOptions {
  maxDepth?: number
  /** What a `$ref` left unexpanded (cycle or bound) becomes; it stays `{ $ref }` by default. */
  cut?: (ref: string) => unknown
}

/** Returns a copy of the schema with every reachable local `$ref` replaced by its target, within the bounds. */
export function expandRefs(doc: Json, schema: unknown, options: ExpandRefsOptions = {}): unknown {
  return expand(doc, schema, [], options.maxDepth ?? MAX_REF_DEPTH, options.cut ?? ((ref) => ({ $ref: ref })))
}

function expand(doc: Json, node: unknown, path: string[], maxDepth: number, cut: (ref: string) => unknown): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map((n) => expand(doc, n, path, maxDepth, cut))
  if (isRef(node)) {
    const ref = node.$ref
    if (path.includes(ref) || path.length >= maxDepth) return cut(ref)
    const target = resolvePointer(doc, ref)
    if (target === undefined) return cut(ref)
    const { $ref: _drop, ...siblings } = node as Json
    const expanded = expand(doc, target, [...path, ref], maxDepth, cut)
    return Object.keys(siblings).length && expanded && typeof expanded === 'object' ? { ...(expanded as Json), ...siblings } : expanded
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) out[key] = expand(doc, value, path, maxDepth, cut)
  return out
}
