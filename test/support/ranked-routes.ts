// The routes ("METHOD /path") search ranks first for a query, as the benchmark scores them: shared by the ranking tests.
import { beforeAll } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import type { Catalog } from '../../src/create-catalog.ts'
import { engineFor } from '../../src/search/answer-search.ts'
import { generate } from './generate.ts'

export function rankedRoutes(catalog: Catalog, query: string, { api, n = 1 }: { api?: string; n?: number } = {}): string[] {
  return engineFor(catalog)
    .search(query, { api, limit: n, offset: 0 })
    .hits.map((h) => {
      const op = catalog.getApi(h.api)?.byName.get(h.name)
      return `${op?.method} ${op?.path}`
    })
}

/** A test file's catalog over `specFiles`, generated before its tests, and `top(api, query, n)` over it. */
export function rankingOver(specFiles: string[], options: { vocabulary?: boolean } = {}): { catalog(): Catalog; top(api: string, query: string, n?: number): string[] } {
  let catalog: Catalog | undefined
  beforeAll(() => {
    catalog = loadCatalog(generate(specFiles, undefined, options))
  }, 180_000)
  return { catalog: () => catalog!, top: (api, query, n = 1) => rankedRoutes(catalog!, query, { api, n }) }
}
