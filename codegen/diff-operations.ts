// The regeneration report: what changed for callers since the artifacts on disk were built. Operators read it
// before they deploy: operations added and removed, signatures changed, operations newly deprecated.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OperationSpec, TypeIndex } from '../src/artifacts.ts'

/** The caller-visible surface of one API: each operation's route, signature and deprecation. */
export type ApiSurface = Map<string, { route: string; signature: string; deprecated: boolean }>

export interface OperationDiff {
  added: string[]
  removed: string[]
  renamed: [from: string, to: string][]
  changed: { name: string; before: string; after: string }[]
  deprecated: string[]
}

/** The surface of an API from its operation table and type index. */
export function surfaceOf(operations: OperationSpec[], typeIndex: TypeIndex): ApiSurface {
  return new Map(
    operations.map((op) => [op.name, { route: `${op.method} ${op.path}`, signature: typeIndex.operations[op.name]?.signature ?? '', deprecated: op.deprecated === true }]),
  )
}

/** Reads the surface of the artifacts already in `outDir/<api>`, or undefined on a first build. */
export function readSurface(outDir: string, api: string): ApiSurface | undefined {
  const dir = join(outDir, api)
  if (!existsSync(join(dir, 'operations.json')) || !existsSync(join(dir, 'type-index.json'))) return undefined
  try {
    const table = JSON.parse(readFileSync(join(dir, 'operations.json'), 'utf8')) as { operations: OperationSpec[] }
    return surfaceOf(table.operations, JSON.parse(readFileSync(join(dir, 'type-index.json'), 'utf8')) as TypeIndex)
  } catch {
    return undefined
  }
}

/** Compares two surfaces by operation name; an operation whose route kept its place under a new name is a rename. */
export function diffOperations(before: ApiSurface, after: ApiSurface): OperationDiff {
  const diff: OperationDiff = { added: [], removed: [], renamed: [], changed: [], deprecated: [] }
  const goneByRoute = new Map<string, string>()
  for (const [name, op] of before) if (!after.has(name)) goneByRoute.set(op.route, name)
  for (const [name, op] of after) {
    const old = before.get(name)
    if (!old) {
      const from = goneByRoute.get(op.route)
      if (from === undefined) diff.added.push(name)
      else {
        diff.renamed.push([from, name])
        goneByRoute.delete(op.route)
      }
      continue
    }
    if (old.signature !== op.signature) diff.changed.push({ name, before: old.signature, after: op.signature })
    if (op.deprecated && !old.deprecated) diff.deprecated.push(name)
  }
  diff.removed = [...goneByRoute.values()]
  return diff
}

/** Formats the report, one line per change; an empty diff gives one line saying so. */
export function formatDiff(api: string, diff: OperationDiff, after: ApiSurface, before: ApiSurface): string {
  const { added, removed, renamed, changed, deprecated } = diff
  const counts = `${added.length} added, ${removed.length} removed, ${renamed.length} renamed, ${changed.length} signature(s) changed, ${deprecated.length} newly deprecated`
  if (!added.length && !removed.length && !renamed.length && !changed.length && !deprecated.length) return `changes in ${api}: none`
  const lines = [`changes in ${api}: ${counts}`]
  for (const name of added) lines.push(`  + ${api}.${name}  ${after.get(name)?.route}`)
  for (const name of removed) lines.push(`  - ${api}.${name}  ${before.get(name)?.route}  (callers of it will fail)`)
  for (const [from, to] of renamed) lines.push(`  > ${api}.${from} is now ${api}.${to}  ${after.get(to)?.route}`)
  for (const c of changed) {
    const [was, now] = excerpt(c.before, c.after)
    lines.push(`  ~ ${api}.${c.name}  ${after.get(c.name)?.route}`, `      was: ${was}`, `      now: ${now}`)
  }
  for (const name of deprecated) lines.push(`  ! ${api}.${name}  ${after.get(name)?.route}  newly deprecated`)
  return lines.join('\n')
}

const EXCERPT_CHARS = 160

/** The part of two signatures around their first difference, so a long signature shows what moved. */
function excerpt(a: string, b: string): [string, string] {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const start = Math.max(0, i - 40)
  const cut = (s: string) => `${start > 0 ? '…' : ''}${s.slice(start, start + EXCERPT_CHARS)}${s.length > start + EXCERPT_CHARS ? '…' : ''}`
  return [cut(a), cut(b)]
}
