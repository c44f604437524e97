// A catalog over a registry of APIs and their artifacts as unparsed JSON text: each text is parsed the first time it
// is needed and kept. The Worker feeds it the texts it fetched from its static assets (src/catalog.ts); Node scripts
// feed it files from generated/.
import type { ApiMeta, JsonSchema, OperationSpec, SearchDoc, TypeIndex } from './artifacts.ts'
import type { ArtifactKind, Registry } from './registry-types.ts'
import type { EngineSnapshot } from './search/search-engine.ts'

export interface Api {
  meta: ApiMeta
  operations: OperationSpec[]
  byName: Map<string, OperationSpec>
}

export interface Catalog {
  apiNames(): string[]
  /** An API's metadata, from the registry: no artifact needs to be loaded. */
  getMeta(name: string): ApiMeta | undefined
  getApi(name: string): Api | undefined
  getSchemas(name: string): Record<string, JsonSchema>
  getTypeIndex(name: string): TypeIndex
  getSearchDocs(name: string): SearchDoc[]
  /** An operation's description from its search document ('' when it has none). */
  getDescription(api: string, operation: string): string
  /** The search index codegen built over every API, when this catalog has it; else search indexes the documents. */
  getSearchIndex(): EngineSnapshot | undefined
}

/** An artifact's text, or undefined when it has not been loaded (a bug in the caller: the getter then throws). */
export type ArtifactText = (api: string, kind: ArtifactKind) => string | undefined

export function createCatalog(registry: Registry, text: ArtifactText, searchIndexText: () => string | undefined = () => undefined): Catalog {
  const parsed = new Map<string, unknown>()
  const known = (api: string) => Object.hasOwn(registry, api)
  function parse<T>(api: string, kind: ArtifactKind): T {
    const key = `${api}:${kind}`
    if (!parsed.has(key)) {
      if (!known(api)) throw new Error(`Unknown API "${api}"`)
      const source = text(api, kind)
      if (source === undefined) throw new Error(`The ${kind} artifact of API "${api}" was used before it was loaded`)
      parsed.set(key, JSON.parse(source))
    }
    return parsed.get(key) as T
  }
  return {
    apiNames: () => Object.keys(registry),
    getMeta: (name) => (known(name) ? registry[name]?.meta : undefined),
    getApi(name) {
      if (!known(name)) return undefined
      const key = `${name}:api`
      if (!parsed.has(key)) {
        const table = parse<{ meta: ApiMeta; operations: OperationSpec[] }>(name, 'operations')
        parsed.set(key, { ...table, byName: new Map(table.operations.map((op) => [op.name, op])) })
      }
      return parsed.get(key) as Api
    },
    getSchemas: (name) => parse(name, 'schemas'),
    getTypeIndex: (name) => parse(name, 'typeIndex'),
    getSearchDocs: (name) => parse(name, 'searchDocs'),
    getDescription(api, operation) {
      const key = `${api}:descriptions`
      if (!parsed.has(key)) parsed.set(key, new Map(parse<SearchDoc[]>(api, 'searchDocs').map((d) => [d.name, d.description])))
      return (parsed.get(key) as Map<string, string>).get(operation) ?? ''
    },
    getSearchIndex() {
      if (!parsed.has('search-index')) {
        const source = searchIndexText()
        if (source === undefined) return undefined
        parsed.set('search-index', JSON.parse(source))
      }
      return parsed.get('search-index') as EngineSnapshot
    },
  }
}
