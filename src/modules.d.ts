// Artifacts and the sandbox runtime are bundled as text (see `rules` in wrangler.jsonc).
declare module '*.json' {
  const text: string
  export default text
}
declare module '*/sandbox/runtime.js' {
  const text: string
  export default text
}
declare module '@generated/apis' {
  import type { ApiArtifacts } from './registry-types.ts'
  export const APIS: Record<string, ApiArtifacts>
}
