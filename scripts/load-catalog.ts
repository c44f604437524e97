// Node only: reads generated/<api>/*.json into the same lazily parsed catalog the Worker builds from its static
// assets, so scripts answer with exactly the Worker's search code.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Catalog, createCatalog } from '../src/create-catalog.ts'
import { ARTIFACT_FILES, type Registry } from '../src/registry-types.ts'

/** The registry codegen wrote to `dir`/apis.ts (the JSON literal after `APIS: Registry =`). */
export function readRegistry(dir: string): Registry {
  const path = join(dir, 'apis.ts')
  if (!existsSync(path)) return {}
  const source = readFileSync(path, 'utf8')
  const start = source.indexOf('=', source.indexOf('export const APIS'))
  return start < 0 ? {} : (JSON.parse(source.slice(start + 1)) as Registry)
}

/** Lists the APIs generated under `dir`, in the order of the Worker's registry (generated/apis.ts). */
export function generatedApis(dir: string): string[] {
  return Object.keys(readRegistry(dir))
}

/** Builds a catalog over the artifacts in `dir` (default generated/), or only `only` of its APIs. Throws, naming the fix, when there are none. */
export function loadCatalog(dir = 'generated', only?: string[]): Catalog {
  const root = resolve(dir)
  if (!existsSync(root)) throw new Error(`No artifacts in ${root}. Run \`npm run codegen\` first.`)
  const registry = Object.fromEntries(Object.entries(readRegistry(root)).filter(([api]) => !only || only.includes(api)))
  if (Object.keys(registry).length === 0) throw new Error(`No APIs under ${root}. Run \`npm run codegen\` first.`)
  return createCatalog(registry, (api, kind) => readFileSync(join(root, api, ARTIFACT_FILES[kind]), 'utf8'))
}
