// The registry that codegen writes (generated/apis.ts) and the Worker imports: per API, its small metadata and the
// version of its artifacts. The artifacts themselves (operation table, schemas, type index, search documents) are
// static assets at `/<api>/<version>/<file>` (generated/assets/), fetched on first use: the script stays the same
// size whatever the API's size, and a version is the spec's source hash, so a script only ever reads its own build.
import type { ApiMeta } from './artifacts.ts'

export interface ApiEntry {
  meta: ApiMeta
  /** The first 16 hex digits of meta.sourceHash: the folder of this build's artifacts. */
  version: string
}

export type Registry = Record<string, ApiEntry>

/** Each API's artifacts as unparsed JSON text, by kind. */
export interface ApiArtifacts {
  operations: string
  schemas: string
  typeIndex: string
  searchDocs: string
}

export type ArtifactKind = keyof ApiArtifacts

export const ARTIFACT_FILES: Record<ArtifactKind, string> = {
  operations: 'operations.json',
  schemas: 'schemas.json',
  typeIndex: 'type-index.json',
  searchDocs: 'search-docs.json',
}

/** Where an artifact lives among the static assets. */
export function artifactPath(api: string, entry: ApiEntry, kind: ArtifactKind): string {
  return `/${api}/${entry.version}/${ARTIFACT_FILES[kind]}`
}
