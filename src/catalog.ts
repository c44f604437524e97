// The APIs this server serves: the registry codegen bundles into the script (names, metadata, artifact versions),
// and each API's artifacts, fetched from the Worker's static assets on first use and kept for the isolate's life.
// Everything in the Worker that needs an API's artifacts goes through here, after `await loadArtifacts(apis)`.

import { env } from 'cloudflare:workers'
import { APIS, SEARCH_INDEX_VERSION } from '@generated/apis'
import { createCatalog } from './create-catalog.ts'
import { type ApiArtifacts, ARTIFACT_FILES, type ArtifactKind, artifactPath } from './registry-types.ts'

export type { Api, Catalog } from './create-catalog.ts'

const loaded = new Map<string, ApiArtifacts>()
const loading = new Map<string, Promise<void>>()
let searchIndex: string | undefined

export const catalog = createCatalog(
  APIS,
  (api, kind) => loaded.get(api)?.[kind],
  () => {
    if (searchIndex === undefined) throw new Error('The search index was used before it was loaded')
    return searchIndex
  },
)
export const apiNames = catalog.apiNames
export const getMeta = catalog.getMeta
export const getApi = catalog.getApi
export const getSchemas = catalog.getSchemas
export const getTypeIndex = catalog.getTypeIndex
export const getSearchDocs = catalog.getSearchDocs

/** Fetches the artifacts of `apis` (default: all) that this isolate has not loaded yet. Unknown names are skipped. */
export async function loadArtifacts(apis: Iterable<string> = apiNames()): Promise<void> {
  const waits: Promise<void>[] = []
  for (const api of apis) {
    if (loaded.has(api) || !Object.hasOwn(APIS, api)) continue
    let pending = loading.get(api)
    if (!pending) {
      pending = fetchArtifacts(api).then(
        (texts) => {
          loaded.set(api, texts)
          loading.delete(api)
        },
        (err: unknown) => {
          loading.delete(api)
          throw err
        },
      )
      loading.set(api, pending)
    }
    waits.push(pending)
  }
  await Promise.all(waits)
}

let searchIndexLoading: Promise<string> | undefined

/** Fetches the search index over every API (codegen's snapshot), once per isolate. */
export async function loadSearchIndex(): Promise<void> {
  searchIndexLoading ??= readAsset(`/search-index/${SEARCH_INDEX_VERSION}/index.json`, 'The search index is').catch((err: unknown) => {
    searchIndexLoading = undefined
    throw err
  })
  searchIndex = await searchIndexLoading
}

async function fetchArtifacts(api: string): Promise<ApiArtifacts> {
  const entry = APIS[api]!
  const kinds = Object.keys(ARTIFACT_FILES) as ArtifactKind[]
  const texts = await Promise.all(kinds.map((kind) => readAsset(artifactPath(api, entry, kind), `The ${api} API's artifacts are`)))
  return Object.fromEntries(kinds.map((kind, i) => [kind, texts[i]])) as unknown as ApiArtifacts
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
