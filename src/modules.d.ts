// The sandbox runtime is bundled as text (see `rules` in wrangler.jsonc); the registry comes from codegen through
// the `@generated/apis` alias.
declare module '*/sandbox/runtime.js' {
  const text: string
  export default text
}
declare module '*/sandbox/session-proxy.js' {
  const text: string
  export default text
}
declare module '@generated/apis' {
  import type { Registry } from './registry-types.ts'
  export const APIS: Registry
  /** The folder of the search index over every API among the static assets: /search-index/<version>/index.json. */
  export const SEARCH_INDEX_VERSION: string
}
