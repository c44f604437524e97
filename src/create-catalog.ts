// A catalog over a set of APIs' artifacts as unparsed JSON text: each text is parsed the first time it is needed
// and kept. The Worker feeds it the bundled registry (src/catalog.ts); Node scripts feed it files from generated/.
import type { ApiMeta, JsonSchema, OperationSpec, SearchDoc, TypeIndex } from './artifacts.ts'
import type { ApiArtifacts } from './registry-types.ts'

export interface Api {
  meta: ApiMeta
  operations: OperationSpec[]
  byName: Map<string, OperationSpec>
}

export interface Catalog {
  apiNames(): string[]
  getApi(name: string): Api | undefined
  getSchemas(name: string): Record<string, JsonSchema>
  getTypeIndex(name: string): TypeIndex
  getSearchDocs(name: string): SearchDoc[]
}

/** Wraps a registry of artifact texts, keyed by API name, in lazily parsed accessors. */
export function createCatalog(apis: Record<string, ApiArtifacts>): Catalog {
  const parsed = new Map<string, unknown>()
  function parse<T>(api: string, kind: keyof ApiArtifacts): T {
    const key = `${api}:${kind}`
    if (!parsed.has(key)) {
      const text = Object.hasOwn(apis, api) ? apis[api]?.[kind] : undefined
      if (text === undefined) throw new Error(`Unknown API "${api}"`)
      parsed.set(key, JSON.parse(text))
    }
    return parsed.get(key) as T
  }
  return {
    apiNames: () => Object.keys(apis),
    getApi(name) {
      if (!Object.hasOwn(apis, name)) return undefined
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
  }
}
