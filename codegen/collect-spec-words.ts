// The words a spec says about an operation outside its summary and description, for the search index: parameter
// descriptions, enum values and titles in parameter and request body schemas ("always_use_https" as a setting id,
// "block" as a rule mode, "APPROVE" as a review event), body property names, and the descriptions of its tags.
import { firstSentence } from '../src/search/analyze-text.ts'
import type { CollectedOperation } from './collect-operations.ts'
import { deref, isRef, type Json } from './resolve-ref.ts'

/** How deep into nested schemas to look (properties, items, allOf/oneOf/anyOf members). */
const MAX_DEPTH = 4
/** At most this many distinct words per operation, in the order they were met. */
const MAX_WORDS = 200
// Identifiers and words; not numbers, dates, URLs or prose-length values.
const ENUM_VALUE = /^[A-Za-z][\w.-]{0,39}$/

/** Collects the distinct words of an operation's parameters, request body schema and tags, space-separated. */
export function collectSpecWords(doc: Json, op: CollectedOperation, tagDescriptions: Map<string, string>): string {
  // Filled in order of weight, so a long schema keeps its enum values and titles when the word limit cuts the rest.
  const values: string[] = []
  const names: string[] = []
  const prose: string[] = []
  const seen = new Set<string>()
  const visit = (raw: unknown, depth: number, describe: boolean) => {
    if (depth > MAX_DEPTH) return
    if (isRef(raw)) {
      if (seen.has(raw.$ref)) return
      seen.add(raw.$ref)
    }
    const schema = deref<Json>(doc, raw)
    if (!schema || typeof schema !== 'object') return
    if (typeof schema.title === 'string') values.push(schema.title)
    if (describe && typeof schema.description === 'string') prose.push(firstSentence(schema.description))
    for (const value of [...(Array.isArray(schema.enum) ? schema.enum : []), schema.const]) {
      if (typeof value === 'string' && ENUM_VALUE.test(value)) values.push(value)
    }
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      if (Array.isArray(schema[key])) for (const member of schema[key]) visit(member, depth + 1, describe)
    }
    if (schema.items) visit(schema.items, depth + 1, false)
    const properties = schema.properties as Json | undefined
    if (properties && typeof properties === 'object') {
      for (const [name, property] of Object.entries(properties)) {
        // Nested property names ("card.exp_month") describe the shape, not the operation.
        if (depth === 0) names.push(name)
        visit(property, depth + 1, depth === 0)
      }
    }
  }
  for (const param of op.params) {
    if (param.description) names.push(firstSentence(param.description))
    visit(param.schema, 0, false)
  }
  if (op.body) visit(op.body.schema, 0, true)
  for (const tag of op.tags ?? []) {
    const description = tagDescriptions.get(tag)
    if (description) names.push(firstSentence(description))
  }
  // Keyed by lower case, so "Block" and "block" count once; the first spelling is kept for identifier splitting.
  const words = new Map<string, string>()
  for (const text of [...values, ...names, ...prose]) {
    for (const word of text.split(/[^A-Za-z0-9_.-]+/)) {
      if (word && words.size < MAX_WORDS && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word)
    }
  }
  return [...words.values()].join(' ')
}

/** Tag name -> description, from the document's top-level `tags`. */
export function tagDescriptionsOf(doc: Json): Map<string, string> {
  const tags = Array.isArray(doc.tags) ? (doc.tags as Json[]) : []
  return new Map(tags.filter((t) => typeof t?.name === 'string' && typeof t.description === 'string').map((t) => [t.name as string, t.description as string]))
}
