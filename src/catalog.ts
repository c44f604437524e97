// The APIs this server serves, read lazily from the bundled artifacts: each JSON text is parsed the first time
// it is needed and kept for the life of the isolate.
import { APIS } from '@generated/apis'
import type { ApiArtifacts } from './registry-types.ts'
import type { ApiMeta, JsonSchema, OperationSpec, SearchDoc, TypeIndex } from './artifacts.ts'

export interface Api {
  meta: ApiMeta
  operations: OperationSpec[]
  byName: Map<string, OperationSpec>
}

const parsed = new Map<string, unknown>()
function parse<T>(api: string, kind: keyof ApiArtifacts): T {
  const key = `${api}:${kind}`
  if (!parsed.has(key)) {
    const text = APIS[api]?.[kind]
    if (text === undefined) throw new Error(`Unknown API "${api}"`)
    parsed.set(key, JSON.parse(text))
  }
  return parsed.get(key) as T
}

export const apiNames = (): string[] => Object.keys(APIS)

export function getApi(name: string): Api | undefined {
  if (!Object.hasOwn(APIS, name)) return undefined
  const key = `${name}:api`
  if (!parsed.has(key)) {
    const table = parse<{ meta: ApiMeta; operations: OperationSpec[] }>(name, 'operations')
    parsed.set(key, { ...table, byName: new Map(table.operations.map((op) => [op.name, op])) })
  }
  return parsed.get(key) as Api
}

export const getSchemas = (name: string): Record<string, JsonSchema> => parse(name, 'schemas')
export const getTypeIndex = (name: string): TypeIndex => parse(name, 'typeIndex')
export const getSearchDocs = (name: string): SearchDoc[] => parse(name, 'searchDocs')
