// The baseline: the tool list a naive OpenAPI-to-MCP server exposes, one tool per operation, each with its full
// JSON input schema (every parameter and the request body, `$ref`s inlined).
import { type CollectedOperation, collectOperations } from '../../codegen/collect-operations.ts'
import { isRef, type Json, resolvePointer } from '../../codegen/resolve-ref.ts'

/**
 * How deep references are expanded inside one schema. A `$ref` nested more than this many references deep stays a
 * `$ref` (the bound), and so does a `$ref` to a schema already being expanded on the same branch (the cycle guard).
 */
export const MAX_REF_DEPTH = 8

export interface FlatTool {
  name: string
  description: string
  inputSchema: Json
}

export interface BuildFlatToolsOptions {
  /** Keep required parameters only, and in the body only required properties (at every level). */
  requiredOnly?: boolean
}

/** Builds the flat tool list: the `result` of a naive server's `tools/list`. */
export function buildFlatTools(doc: Json, options: BuildFlatToolsOptions = {}): { tools: FlatTool[] } {
  const names = new Set<string>()
  const tools = collectOperations(doc, []).map((op) => {
    const name = uniqueName(toolName(op), names)
    const description = [op.summary, op.description].filter((s, i, all) => s && all.indexOf(s) === i).join('\n\n')
    return { name, description, inputSchema: inputSchema(doc, op, options.requiredOnly === true) }
  })
  return { tools }
}

function inputSchema(doc: Json, op: CollectedOperation, requiredOnly: boolean): Json {
  const properties: Json = {}
  const required: string[] = []
  for (const p of op.params) {
    if (requiredOnly && !p.required) continue
    const schema = expandRefs(doc, p.schema) as Json
    properties[p.name] = p.description ? { ...schema, description: p.description } : schema
    if (p.required) required.push(p.name)
  }
  if (op.body && (!requiredOnly || op.body.required)) {
    const schema = expandRefs(doc, op.body.schema)
    properties.body = requiredOnly ? pruneOptional(schema) : schema
    if (op.body.required) required.push('body')
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}

/** Drops every object property that its schema does not list as required, at every level. */
function pruneOptional(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map(pruneOptional)
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) out[key] = key === 'properties' ? undefined : pruneOptional(value)
  const props = (node as Json).properties as Json | undefined
  const req = (node as Json).required
  if (props && typeof props === 'object') {
    const kept = Object.entries(props).filter(([k]) => Array.isArray(req) && req.includes(k))
    out.properties = Object.fromEntries(kept.map(([k, v]) => [k, pruneOptional(v)]))
  } else delete out.properties
  if (out.properties === undefined) delete out.properties
  return out
}

/** operationId made a valid MCP tool name (letters, digits, `_`, `-`, at most 64), or METHOD_path without one. */
function toolName(op: CollectedOperation): string {
  const raw = op.operationId ?? `${op.method}_${op.path}`
  return (
    raw
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 64) || 'operation'
  )
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let i = 2; taken.has(candidate); i++) candidate = `${name.slice(0, 60)}_${i}`
  taken.add(candidate)
  return candidate
}

interface RefBounds {
  maxDepth: number
  /** What a `$ref` left unexpanded (a cycle, or past the bound) becomes. */
  cut(ref: string): unknown
}

const KEEP_REF: RefBounds = { maxDepth: MAX_REF_DEPTH, cut: (ref) => ({ $ref: ref }) }

/** Returns a copy of the schema with every reachable local `$ref` replaced by its target, within the bounds. */
export function expandRefs(doc: Json, node: unknown, bounds: RefBounds = KEEP_REF, path: string[] = []): unknown {
  if (!node || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map((n) => expandRefs(doc, n, bounds, path))
  if (isRef(node)) {
    const ref = node.$ref
    const target = path.includes(ref) || path.length >= bounds.maxDepth ? undefined : resolvePointer(doc, ref)
    if (target === undefined) return bounds.cut(ref)
    const { $ref: _drop, ...siblings } = node as Json
    const expanded = expandRefs(doc, target, bounds, [...path, ref])
    return Object.keys(siblings).length && expanded && typeof expanded === 'object' ? { ...(expanded as Json), ...siblings } : expanded
  }
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) out[key] = expandRefs(doc, value, bounds, path)
  return out
}
