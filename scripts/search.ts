// `npm run search -- [--api NAME] [--page N] [--json] [--generated DIR] "query"`: the `search` tool offline, for
// operators and benchmarks. Same catalog code, same engine, same answer text as the Worker.
import { parseArgs } from 'node:util'
import { answerSearch, engineFor, SEARCH_PAGE_SIZE } from '../src/search/answer-search.ts'
import { loadCatalog } from './load-catalog.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    api: { type: 'string' },
    page: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    generated: { type: 'string', default: 'generated' },
  },
})
const query = positionals.join(' ').trim()
if (!query) {
  console.error('Usage: npm run search -- [--api cloudflare] [--page 2] [--json] [--generated DIR] "purge cache"')
  process.exit(2)
}

const catalog = loadCatalog(values.generated)
const page = Number(values.page)
const args = { query, api: values.api, page }
const answer = answerSearch(catalog, args)
if (!values.json) {
  console.log(answer.text)
} else {
  const { hits, total } = answer.isError
    ? { hits: [], total: 0 }
    : engineFor(catalog).search(query, { api: values.api, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE })
  const rows = hits.map((hit, i) => {
    const op = catalog.getApi(hit.api)?.byName.get(hit.name)
    return {
      rank: (page - 1) * SEARCH_PAGE_SIZE + i + 1,
      api: hit.api,
      name: hit.name,
      method: op?.method,
      path: op?.path,
      summary: op?.summary ?? '',
      writes: op ? op.method !== 'GET' && op.method !== 'HEAD' : undefined,
      deprecated: op?.deprecated === true,
      score: Number(hit.score.toFixed(4)),
    }
  })
  console.log(JSON.stringify({ query, api: values.api ?? null, page, total, hits: rows, text: answer.text, isError: answer.isError === true }, null, 2))
}
if (answer.isError) process.exitCode = 1
