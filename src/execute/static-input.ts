// Reads the value of an object literal the model passes as a call's input, as far as it is known before running:
// literals, and object and array literals made of them. Anything computed (a variable, a call, a spread, a computed
// key, a template with expressions) stands as DYNAMIC, and its path is listed so checks can leave it to the runtime.

/** Stands for a value known only at run time; it fails every type check, so checks drop errors at its path. */
export const DYNAMIC: unique symbol = Symbol('dynamic')

export interface StaticInput {
  value: unknown
  /** Paths (`body.tags[0]`) whose values are computed, and so unknown here. */
  dynamic: string[]
  /** The line each path's value starts on. */
  lines: Map<string, number>
}

interface Node {
  type: string
  loc?: { start: { line: number } }
  [key: string]: unknown
}

/** The input `node` describes, or undefined when the whole input is computed. */
export function staticInput(node: unknown): StaticInput | undefined {
  const out: StaticInput = { value: undefined, dynamic: [], lines: new Map() }
  out.value = read(node as Node, '', out)
  return out.value === DYNAMIC ? undefined : out
}

function read(node: Node, path: string, out: StaticInput): unknown {
  if (node.loc) out.lines.set(path, node.loc.start.line)
  const value = readValue(node, path, out)
  if (value === DYNAMIC) out.dynamic.push(path)
  return value
}

function readValue(node: Node, path: string, out: StaticInput): unknown {
  switch (node.type) {
    case 'Literal':
      return node.regex || typeof node.bigint === 'string' ? DYNAMIC : node.value
    case 'TemplateLiteral':
      return (node.expressions as unknown[]).length ? DYNAMIC : (node.quasis as { value: { cooked: string } }[])[0]?.value.cooked
    case 'UnaryExpression': {
      const arg = node.argument as Node
      return node.operator === '-' && arg.type === 'Literal' && typeof arg.value === 'number' ? -arg.value : DYNAMIC
    }
    case 'ArrayExpression': {
      const elements = node.elements as (Node | null)[]
      if (elements.some((e) => !e || e.type === 'SpreadElement')) return DYNAMIC
      return elements.map((e, i) => read(e as Node, `${path}[${i}]`, out))
    }
    case 'ObjectExpression': {
      const obj: Record<string, unknown> = {}
      for (const prop of node.properties as Node[]) {
        // A spread or computed key could add or replace any field: the object is known only at run time.
        if (prop.type !== 'Property' || prop.computed || prop.kind !== 'init' || prop.method) return DYNAMIC
        const key = prop.key as Node
        const name = key.type === 'Identifier' ? (key.name as string) : String(key.value)
        if (name === '__proto__') return DYNAMIC
        obj[name] = read(prop.value as Node, path ? `${path}.${name}` : name, out)
      }
      return obj
    }
    default:
      return DYNAMIC
  }
}
