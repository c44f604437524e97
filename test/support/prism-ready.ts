// A copy of a spec that Prism can load offline: Prism resolves every `$ref` it meets, example data included, and
// stops at the first one it cannot fetch. Codegen reads the original; only the mock upstream reads this copy.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { loadSpec } from '../../codegen/load-spec.ts'
import { type Json, resolvePointer } from '../../codegen/resolve-ref.ts'

/** Writes the spec as JSON with every `$ref` that is external or dangling removed, and returns the copy's path. */
export function prismReady(specFile: string): string {
  const { doc } = loadSpec(specFile)
  const stack: unknown[] = [doc]
  const seen = new Set<object>()
  while (stack.length) {
    const node = stack.pop()
    if (!node || typeof node !== 'object' || seen.has(node)) continue
    seen.add(node)
    const ref = (node as Json).$ref
    if (typeof ref === 'string' && (!ref.startsWith('#') || resolvePointer(doc, ref) === undefined)) delete (node as Json).$ref
    stack.push(...Object.values(node))
  }
  const out = join(mkdtempSync(join(tmpdir(), 'prism-spec-')), `${basename(specFile, extname(specFile))}.json`)
  writeFileSync(out, JSON.stringify(doc))
  return out
}
