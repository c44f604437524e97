// A depth-first walk over an acorn tree (any ESTree-shaped value), parents before children, skipping locations.

export interface AstNode {
  type: string
  start: number
  end: number
  loc?: { start: { line: number; column: number } }
  body?: AstNode
  [key: string]: unknown
}

/** Calls `visit` on every node under `node`, `node` included. */
export function walkAst(node: unknown, visit: (node: AstNode) => void): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) walkAst(child, visit)
    return
  }
  const n = node as AstNode
  if (typeof n.type !== 'string') return
  visit(n)
  for (const key of Object.keys(n)) {
    if (key !== 'loc' && key !== 'type') walkAst(n[key], visit)
  }
}
