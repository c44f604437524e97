// The search index codegen stores (a snapshot of the built engine, restored by each new isolate instead of indexing
// every operation again) ranks exactly as an engine built from the documents: same operations, same order, same
// scores, for every task query of the benchmark's non-blind sets, through a JSON round trip as the Worker reads it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '../../scripts/load-catalog.ts'
import { createSearchEngine, restoreSearchEngine, type SearchEngine, snapshotSearchEngine } from '../../src/search/search-engine.ts'
import { generate, ROOT, SHARED_SPECS } from '../support/generate.ts'

let built: SearchEngine
let restored: SearchEngine
const queries = ['github', 'stripe', 'heldout-cloudflare', 'dev2-stripe'].flatMap((set) =>
  readFileSync(join(ROOT, 'bench/tasks', `${set}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { query: string }).query),
)

beforeAll(() => {
  const catalog = loadCatalog(generate(['cloudflare.json', 'github.yaml', 'stripe.yaml'].map((f) => join(SHARED_SPECS, f))))
  const sources = catalog.apiNames().map((api) => ({ api, docs: catalog.getSearchDocs(api) }))
  built = createSearchEngine(sources)
  restored = restoreSearchEngine(JSON.parse(JSON.stringify(snapshotSearchEngine(sources))))
}, 180_000)

describe('the stored search index', () => {
  it('has task queries to compare on', () => {
    expect(queries.length).toBeGreaterThan(100)
  })

  it('ranks every query as the engine built from the documents', () => {
    for (const query of queries) {
      for (const options of [
        { limit: 12, offset: 0 },
        { api: 'stripe', limit: 6, offset: 6 },
      ]) {
        expect({ query, ...restored.search(query, options) }).toEqual({ query, ...built.search(query, options) })
      }
    }
  })
})
