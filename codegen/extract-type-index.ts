// Stage 6: read openapi-typescript's output with ts-morph (syntax only, no type checker, so it stays fast on
// multi-megabyte specs) and cut out a compact signature per operation and a declaration per named schema.
import { Node, Project, type PropertySignature, type TypeNode } from 'ts-morph'
import type { TypeIndex } from '../src/artifacts.ts'
import type { NamedOperation } from './build-api.ts'
import { type Field, foldUnions, inputObject, isEmptyBody, sharedParamKeys } from './lean-signature.ts'

/** Builds the type index from the generated declarations. */
export function extractTypeIndex(base: string, ops: NamedOperation[], aliases: Map<string, string>, apiName: string): TypeIndex {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { noLib: true } })
  const file = project.createSourceFile('types.d.ts', base)
  const schemas = members(typeOf(file.getInterface('components')?.getProperty('schemas')))
  const clean = makeCleaner(aliases, simpleTypes(schemas))
  const types: TypeIndex['types'] = {}
  for (const [name, node] of schemas) {
    const alias = aliases.get(name)
    if (alias) types[alias] = `type ${alias} = ${clean(node.getText())}`
  }

  const operations = new Map<string, TypeNode>()
  for (const [id, node] of members(file.getInterface('operations'))) operations.set(id, node)
  const paths = members(file.getInterface('paths'))

  const out: TypeIndex['operations'] = {}
  const known = new Set(aliases.values())
  const shared = sharedParamKeys(ops)
  for (const op of ops) {
    let node = members(paths.get(op.path)).get(op.method.toLowerCase())
    const refId = node && /^operations\["(.+)"\]$/.exec(node.getText())?.[1]
    if (refId) node = operations.get(JSON.parse(`"${refId}"`) as string)
    const signature = `${apiName}.${op.name}(${inputText(node, op, clean, shared)}): Promise<${resultText(node, op, clean)}>`
    out[op.name] = { signature, types: referencedTypes(signature, known) }
  }
  return { operations: out, types, ...sharedParamsText(ops, shared) }
}

/** The shared parameters, typed as in a signature, for the search answer to state once. */
function sharedParamsText(ops: NamedOperation[], shared: Set<string>): Pick<TypeIndex, 'sharedParams'> {
  if (shared.size === 0) return {}
  const first = ops[0] as NamedOperation
  return { sharedParams: first.params.filter((p) => shared.has(`${p.in}:${p.name}`)).map((p) => `${propKey(p.name)}?`) }
}

function inputText(node: TypeNode | undefined, op: NamedOperation, clean: (s: string) => string, shared: Set<string>): string {
  const fields: Field[] = []
  const params = members(members(node).get('parameters'))
  for (const where of ['path', 'query', 'header', 'cookie']) {
    for (const [name, type] of members(params.get(where))) {
      if (shared.has(`${where}:${name}`)) continue
      const required = op.params.find((p) => p.in === where && p.name === name)?.required === true
      fields.push({ text: `${propKey(name)}${required ? '' : '?'}: ${foldUnions(clean(type.getText()))}`, required })
    }
  }
  for (const p of op.params) {
    if (!members(params.get(p.in)).has(p.name) && !shared.has(`${p.in}:${p.name}`))
      fields.push({ text: `${propKey(p.name)}${p.required ? '' : '?'}: string`, required: p.required })
  }
  if (op.body) {
    const content = members(members(members(node).get('requestBody')).get('content'))
    const body = content.get(op.body.mediaType)
    const type = body ? foldUnions(clean(body.getText())) : 'unknown'
    if (!isEmptyBody(type, op.body.required)) fields.push({ text: `body${op.body.required ? '' : '?'}: ${type}`, required: op.body.required })
  }
  return inputObject(fields)
}

function resultText(node: TypeNode | undefined, op: NamedOperation, clean: (s: string) => string): string {
  if (!op.result) return 'unknown'
  const response = members(members(node).get('responses')).get(op.result.status)
  const type = members(members(response).get('content')).get(op.result.mediaType)
  return type ? clean(type.getText()) : 'unknown'
}

/** The property signatures of an interface or type literal, keyed by unquoted name. */
function members(node: Node | undefined): Map<string, TypeNode> {
  const out = new Map<string, TypeNode>()
  if (!node || !(Node.isInterfaceDeclaration(node) || Node.isTypeLiteral(node))) return out
  for (const prop of node.getProperties()) {
    const type = typeOf(prop)
    if (type) out.set(unquote(prop.getName()), type)
  }
  return out
}

const typeOf = (prop: PropertySignature | undefined) => prop?.getTypeNode()
const unquote = (name: string) => (/^["']/.test(name) ? (JSON.parse(name.replace(/^'|'$/g, '"')) as string) : name)
const propKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))

const SCHEMA_REF = /components\["schemas"\]\["((?:[^"\\]|\\.)*)"\]/g
const stripComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** Schemas whose whole type is short and has no structure (`string`, `"a" | "b"`): inlined where used. */
function simpleTypes(schemas: Map<string, TypeNode>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, node] of schemas) {
    const text = stripComments(node.getText())
    if (text.length <= 80 && !/[{(<]|components\[/.test(text)) out.set(name, text)
  }
  return out
}

function makeCleaner(aliases: Map<string, string>, simple: Map<string, string>) {
  return (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(SCHEMA_REF, (whole, name: string, offset: number, all: string) => {
        const key = JSON.parse(`"${name}"`) as string
        const inline = simple.get(key)
        if (inline !== undefined) return inline.includes('|') && all[offset + whole.length] === '[' ? `(${inline})` : inline
        return aliases.get(key) ?? whole
      })
      .replace(/\s+/g, ' ')
      .replace(/;\s*}/g, ' }')
      .replace(/{\s+/g, '{ ')
      .trim()
}

function referencedTypes(signature: string, known: Set<string>): string[] {
  return [...new Set(signature.match(/\b[A-Z][A-Za-z0-9_$]*\b/g) ?? [])].filter((t) => known.has(t))
}
