// The routes ("METHOD /path") search ranks first for a query, as the benchmark scores them: shared by the ranking tests.
import type { Catalog } from '../../src/create-catalog.ts'
import { engineFor } from '../../src/search/answer-search.ts'

export function rankedRoutes(catalog: Catalog, query: string, { api, n = 1 }: { api?: string; n?: number } = {}): string[] {
  return engineFor(catalog)
    .search(query, { api, limit: n, offset: 0 })
    .hits.map((h) => {
      const op = catalog.getApi(h.api)?.byName.get(h.name)
      return `${op?.method} ${op?.path}`
    })
}
