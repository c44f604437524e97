// The APIs this server serves: the registry codegen bundles into the script (names, metadata, artifact versions),
// and each API's artifacts, fetched from the Worker's static assets on first use and kept for the isolate's life.
// Everything in the Worker that needs an API's artifacts goes through here, after `await loadArtifacts(apis)`.

import { env } from 'cloudflare:workers'
import { APIS, SEARCH_INDEX_VERSION } from '@generated/apis'
import { createCatalog } from './create-catalog.ts'
import { ARTIFACT_FILES, type ArtifactKind, artifactPath } from './registry-types.ts'

export type { Api, Catalog } from './create-catalog.ts'

/** Asset texts this isolate has fetched, by key (`<api>:<kind>`, or `search-index`), and the fetches under way. */
const texts = new Map<string, string>()
const fetching = new Map<string, Promise<void>>()
const SEARCH_INDEX = 'search-index'

export const catalog = createCatalog(
  APIS,
  (api, kind) => texts.get(`${api}:${kind}`),
  () => {
    const index = texts.get(SEARCH_INDEX)
    if (index === undefined) throw new Error('The search index was used before it was loaded')
    return index
  },
)
export const apiNames = catalog.apiNames
export const getMeta = catalog.getMeta
export const getApi = catalog.getApi
export const getSchemas = catalog.getSchemas
export const getTypeIndex = catalog.getTypeIndex
export const getSearchDocs = catalog.getSearchDocs

const KINDS = Object.keys(ARTIFACT_FILES) as ArtifactKind[]
const LOADED = Promise.resolve()

/** Fetches the artifacts of `apis` (default: all) that this isolate has not loaded yet. Unknown names are skipped. */
export function loadArtifacts(apis: Iterable<string> = apiNames()): Promise<void> {
  const pending: Promise<void>[] = []
  for (const api of apis) {
    if (!Object.hasOwn(APIS, api)) continue
    for (const kind of KINDS) {
      const key = `${api}:${kind}`
      if (!texts.has(key)) pending.push(fetchOnce(key, artifactPath(api, APIS[api]!, kind), `The ${api} API's artifacts are`))
    }
  }
  return pending.length ? Promise.all(pending).then(() => undefined) : LOADED
}

/** Fetches the search index over every API (codegen's snapshot), once per isolate. */
export function loadSearchIndex(): Promise<void> {
  return fetchOnce(SEARCH_INDEX, `/search-index/${SEARCH_INDEX_VERSION}/index.json`, 'The search index is')
}

/** One fetch per key and isolate, shared by concurrent callers; a failed one is tried again by the next caller. */
function fetchOnce(key: string, path: string, what: string): Promise<void> {
  if (texts.has(key)) return Promise.resolve()
  let pending = fetching.get(key)
  if (!pending) {
    pending = readAsset(path, what)
      .then((text) => {
        texts.set(key, text)
      })
      .finally(() => fetching.delete(key))
    fetching.set(key, pending)
  }
  return pending
}

async function readAsset(path: string, what: string): Promise<string> {
  const response = await assets().fetch(new Request(`https://artifacts.invalid${path}`))
  if (!response.ok) {
    throw new Error(
      `${what} missing from the Worker's static assets (${path}: HTTP ${response.status}). Run \`npm run codegen\` and deploy again, so the script and generated/assets/ come from the same build.`,
    )
  }
  return response.text()
}

function assets(): Fetcher {
  const binding = (env as { ASSETS?: Fetcher }).ASSETS
  if (!binding) throw new Error('The Worker has no ASSETS binding for its artifacts: wrangler.jsonc needs "assets": { "directory": "./generated/assets", "binding": "ASSETS" }.')
  return binding
}
