// Replaces references to reusable parameters, request bodies, responses and headers (in components or deep inside
// other paths) with their targets, inside `paths` only. Schemas stay references: they may be cyclic, and named
// types are what the type index is made of.
import { deref, isRef, type Json } from './resolve-ref.ts'

const KEPT = /^#\/components\/(schemas|examples)\//

/** Returns a copy of the document whose `paths` hold no non-schema component references. */
export function inlineRefs(doc: Json): Json {
  const paths = doc.paths as Json | undefined
  if (!paths || typeof paths !== 'object') return doc
  return { ...doc, paths: inline(doc, paths, 0) as Json }
}

function inline(doc: Json, node: unknown, depth: number): unknown {
  if (!node || typeof node !== 'object' || depth > 64) return node
  if (Array.isArray(node)) return node.map((n) => inline(doc, n, depth + 1))
  if (isRef(node) && node.$ref.startsWith('#') && !KEPT.test(node.$ref)) {
    const target = deref(doc, node)
    return target ? inline(doc, target, depth + 1) : node
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    // Schemas are left alone: they are typed by reference, never expanded.
    out[key] = key === 'schema' || key === 'schemas' ? value : inline(doc, value, depth + 1)
  }
  return out
}
