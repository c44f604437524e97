// What keeps a signature short enough to read: parameters every operation of an API shares are left out (and stated
// once per API), required fields come first, an optional body that can hold nothing is not offered, and a long union
// of literals shows its first members and how many more (a type-name lookup shows the whole type).
import type { NamedOperation } from './build-api.ts'

const MIN_OPERATIONS_FOR_SHARED = 5
const UNION_SHOWN = 6
const UNION_FOLDED_FROM = 10

/** "query:alt" keys of the optional parameters every operation declares; none for small APIs. */
export function sharedParamKeys(ops: NamedOperation[]): Set<string> {
  if (ops.length < MIN_OPERATIONS_FOR_SHARED) return new Set()
  const counts = new Map<string, number>()
  for (const op of ops) for (const p of op.params) if (!p.required) counts.set(`${p.in}:${p.name}`, (counts.get(`${p.in}:${p.name}`) ?? 0) + 1)
  return new Set([...counts].filter(([, n]) => n === ops.length).map(([key]) => key))
}

export interface Field {
  text: string
  required: boolean
}

/** The input object's text: required fields first, each group in the spec's order. */
export function inputObject(fields: Field[]): string {
  if (fields.length === 0) return ''
  const ordered = [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)]
  return `input${fields.some((f) => f.required) ? '' : '?'}: { ${ordered.map((f) => f.text).join('; ')} }`
}

/** An optional body whose type admits nothing worth sending (`Record<string, never>`, `{}`). */
export function isEmptyBody(type: string, required: boolean): boolean {
  return !required && /^(?:Record<string, never>|\{\s*\}|never)$/.test(type.trim())
}

/** Folds each union of ten or more string or number literals to its first six and a count of the rest. */
export function foldUnions(text: string): string {
  return text.replace(/(?:(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?) \| ){9,}(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/g, (union) => {
    const members = union.split(' | ')
    if (members.length < UNION_FOLDED_FROM) return union
    return `${members.slice(0, UNION_SHOWN).join(' | ')} | …(${members.length - UNION_SHOWN} more)`
  })
}
