// Stage 2b: make every `$ref` something openapi-typescript and the host can follow, in one bounded walk.
// Deep schema pointers (`#/components/schemas/Tag/allOf/0`, `#/paths/…/schema`) are hoisted into
// components.schemas under a derived name; external and dangling references become `{}` with a warning.
import { isRef, type Json, resolvePointer } from './resolve-ref.ts'
import { escapePointer, pointerOf, type SpecProblem } from './spec-error.ts'

const SCHEMA_ONE = new Set([
  'items',
  'not',
  'additionalProperties',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
])
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems'])
/** Values that are data, not structure: a `$ref` key inside them is an example payload, not a reference. */
const SCHEMA_DATA = new Set(['example', 'examples', 'default', 'enum', 'const'])
const OBJECT_DATA = new Set(['example', 'value'])
const WHOLE_SCHEMA = /^#\/components\/schemas\/[^/]+$/

/** Rewrites references in place (the document is codegen's own copy). Returns the number of hoisted schemas. */
export function repairRefs(doc: Json, warnings: SpecProblem[]): number {
  if (!isObject(doc.components)) doc.components = {}
  const components = doc.components as Json
  if (!isObject(components.schemas)) components.schemas = {}
  const schemas = components.schemas as Json
  const hoisted = new Map<string, string>()
  const seen = new Set<object>()
  const queue: [unknown, string, boolean][] = [[doc, '#', false]]

  const fixRef = (node: Json & { $ref: string }, at: string, schema: boolean): void => {
    const ref = node.$ref
    const target = ref.startsWith('#') ? followChain(doc, ref) : undefined
    if (target === undefined) {
      const why = ref.startsWith('#') ? 'points nowhere (or only at other references)' : 'is external and is not fetched'
      warnings.push({
        pointer: at,
        message: `$ref ${JSON.stringify(ref)} ${why}; typed as unknown`,
        fix: ref.startsWith('#') ? 'point it at an existing definition' : 'bundle the spec into one file first (e.g. `redocly bundle`)',
      })
      delete (node as Json).$ref
      return
    }
    if (!schema || WHOLE_SCHEMA.test(ref)) return
    let name = hoisted.get(ref)
    if (!name) {
      name = uniqueName(ref, schemas)
      hoisted.set(ref, name)
      schemas[name] = target
      queue.push([target, pointerOf('components', 'schemas', name), true])
    }
    node.$ref = `#/components/schemas/${escapePointer(name)}`
  }

  while (queue.length) {
    const [node, at, schema] = queue.pop() as [unknown, string, boolean]
    if (!isObject(node) || seen.has(node)) continue
    seen.add(node)
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) queue.push([item, `${at}/${i}`, schema])
      continue
    }
    if (isRef(node)) fixRef(node, at, schema)
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${escapePointer(key)}`
      if (key.startsWith('x-')) {
        // Vendor extensions are opaque to codegen; references inside them (often external) would break bundling.
        if (containsRef(value, 0)) delete (node as Json)[key]
        continue
      }
      if (key === 'discriminator' && schema) pruneMapping(value, here, schemas, warnings)
      if ((schema ? SCHEMA_DATA : OBJECT_DATA).has(key)) continue
      if (schema) {
        if (SCHEMA_ONE.has(key) || SCHEMA_LIST.has(key)) queue.push([value, here, true])
        else if (SCHEMA_MAP.has(key) && isObject(value)) for (const [k, v] of Object.entries(value)) queue.push([v, `${here}/${escapePointer(k)}`, true])
        continue
      }
      if (key === 'schema') queue.push([value, here, true])
      else if (key === 'schemas' && at === '#/components' && isObject(value)) for (const [k, v] of Object.entries(value)) queue.push([v, `${here}/${escapePointer(k)}`, true])
      else queue.push([value, here, false])
    }
  }
  return hoisted.size
}

/** Resolves a local reference through any chain of references; undefined when it dangles or loops. */
function followChain(doc: Json, ref: string): unknown {
  const seen = new Set<string>()
  let node: unknown = { $ref: ref }
  while (isRef(node)) {
    if (seen.has(node.$ref) || !node.$ref.startsWith('#')) return undefined
    seen.add(node.$ref)
    node = resolvePointer(doc, node.$ref)
  }
  return node
}

/** "#/components/schemas/Tag/allOf/0" -> "Tag_allOf_0"; "#/paths/~1pets/get/…/schema" keeps the last words. */
function uniqueName(ref: string, schemas: Json): string {
  const words = ref
    .slice(2)
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .filter((s) => !/^(components|schemas|paths|content|schema|properties|items|responses|requestBody|parameters)$/.test(s) && !s.includes('/'))
  const base =
    words
      .slice(-4)
      .join('_')
      .replace(/[^A-Za-z0-9_]+/g, '_') || 'Schema'
  let name = base
  for (let n = 2; Object.hasOwn(schemas, name); n++) name = `${base}_${n}`
  return name
}

/** Drops discriminator mapping entries that name no schema, which openapi-typescript would try to load as files. */
function pruneMapping(discriminator: unknown, at: string, schemas: Json, warnings: SpecProblem[]): void {
  const mapping = isObject(discriminator) ? (discriminator as Json).mapping : undefined
  if (!isObject(mapping)) return
  for (const [key, target] of Object.entries(mapping as Json)) {
    const name = typeof target === 'string' ? (WHOLE_SCHEMA.test(target) ? decodeURIComponent(target.slice(21)).replace(/~1/g, '/').replace(/~0/g, '~') : target) : ''
    if (Object.hasOwn(schemas, name)) continue
    warnings.push({
      pointer: `${at}/mapping/${escapePointer(key)}`,
      message: `discriminator mapping ${JSON.stringify(target)} names no schema in components.schemas; entry dropped`,
      fix: 'map to "#/components/schemas/<Name>"',
    })
    delete (mapping as Json)[key]
  }
}

function containsRef(node: unknown, depth: number): boolean {
  if (!isObject(node) || depth > 32) return false
  if (isRef(node)) return true
  return Object.values(node).some((v) => containsRef(v, depth + 1))
}

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object'
