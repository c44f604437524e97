// Free-text search over every API's operations, with MiniSearch. The index is built on first use per isolate.
import MiniSearch from 'minisearch'
import type { SearchDoc } from '../artifacts.ts'
import { apiNames, getSearchDocs } from '../catalog.ts'

export interface SearchHit {
  api: string
  name: string
  score: number
}

type IndexedDoc = SearchDoc & { id: string; api: string; pathWords: string }

let engine: MiniSearch<IndexedDoc> | undefined

function build(): MiniSearch<IndexedDoc> {
  const ms = new MiniSearch<IndexedDoc>({
    fields: ['name', 'pathWords', 'summary', 'description', 'tags', 'params'],
    storeFields: ['api', 'name', 'deprecated'],
    extractField: (doc, field) => {
      const v = (doc as unknown as Record<string, unknown>)[field]
      return Array.isArray(v) ? v.join(' ') : String(v ?? '')
    },
    tokenize: (text) => splitWords(text),
    searchOptions: { boost: { name: 3, summary: 3, pathWords: 2, tags: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'OR' },
  })
  for (const api of apiNames()) {
    ms.addAll(getSearchDocs(api).map((d) => ({ ...d, id: `${api}.${d.name}`, api, pathWords: `${d.method} ${d.path}` })))
  }
  return ms
}

/** Splits identifiers and paths into lower-case words: "zonesGet" -> zones get; "{zone_id}" -> zone id. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 || /[0-9]/.test(w))
}

export function searchOperations(query: string, options: { api?: string; limit: number; offset: number }): { hits: SearchHit[]; total: number } {
  engine ??= build()
  const all = engine
    .search(query, options.api ? { filter: (r) => r.api === options.api } : undefined)
    .map((r) => ({ api: r.api as string, name: r.name as string, score: r.deprecated ? r.score * 0.5 : r.score }))
    .sort((a, b) => b.score - a.score)
  return { hits: all.slice(options.offset, options.offset + options.limit), total: all.length }
}
