// Node only: reads generated/<api>/*.json into the same lazily parsed catalog the Worker builds from its bundled
// registry, so scripts answer with exactly the Worker's search code.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Catalog, createCatalog } from '../src/create-catalog.ts'
import type { ApiArtifacts } from '../src/registry-types.ts'

const FILES: Record<keyof ApiArtifacts, string> = {
  operations: 'operations.json',
  schemas: 'schemas.json',
  typeIndex: 'type-index.json',
  searchDocs: 'search-docs.json',
}

/** Lists the APIs generated under `dir`, in the order of the Worker's registry (generated/apis.ts). */
export function generatedApis(dir: string): string[] {
  const registry = join(dir, 'apis.ts')
  if (existsSync(registry)) {
    const names = [...readFileSync(registry, 'utf8').matchAll(/^\s+"([^"]+)": a\d+,$/gm)].map((m) => m[1] as string)
    if (names.length) return names
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, FILES.operations)))
    .map((e) => e.name)
    .sort()
}

/** Builds a catalog over the artifacts in `dir` (default generated/), or only `only` of its APIs. Throws, naming the fix, when there are none. */
export function loadCatalog(dir = 'generated', only?: string[]): Catalog {
  const root = resolve(dir)
  if (!existsSync(root)) throw new Error(`No artifacts in ${root}. Run \`npm run codegen\` first.`)
  const apis: Record<string, ApiArtifacts> = {}
  for (const api of generatedApis(root).filter((a) => !only || only.includes(a))) {
    const read = (kind: keyof ApiArtifacts) => readFileSync(join(root, api, FILES[kind]), 'utf8')
    apis[api] = { operations: read('operations'), schemas: read('schemas'), typeIndex: read('typeIndex'), searchDocs: read('searchDocs') }
  }
  if (Object.keys(apis).length === 0) throw new Error(`No APIs under ${root}. Run \`npm run codegen\` first.`)
  return createCatalog(apis)
}
