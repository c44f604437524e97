// Words an API's users say that its spec does not ("queue visitors" for a waiting room): the optional file
// openapi/vocabulary/<spec file name>.txt (openapi/my-api.yaml -> vocabulary/my-api.txt), one entry a line,
// `/path/prefix: words` for every operation under a path or `METHOD /path: words` for one. Search indexes these
// words beside the spec's own.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { SpecError, type SpecProblem } from './spec-error.ts'

export interface VocabularyEntry {
  line: number
  method?: string
  path: string
  words: string
}

export interface Vocabulary {
  file: string
  text: string
  entries: VocabularyEntry[]
}

const ENTRY = /^(?:(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE)\s+)?(\/\S*)\s*:\s*(.+)$/i

/** Where the vocabulary for the spec at `specFile` lives (the file is optional): named like the spec. */
export function vocabularyFile(specFile: string): string {
  return join(dirname(specFile), 'vocabulary', `${basename(specFile, extname(specFile))}.txt`)
}

/** Reads and parses a vocabulary file; throws a SpecError naming every malformed line. */
export function readVocabulary(file: string): Vocabulary | undefined {
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  const entries: VocabularyEntry[] = []
  const problems: SpecProblem[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const m = ENTRY.exec(line)
    if (!m) {
      problems.push({
        pointer: `line ${i + 1}`,
        message: `"${line.slice(0, 60)}" is not an entry`,
        fix: 'write `/path/prefix: words` or `METHOD /path: words`, or start the line with # for a comment',
      })
      return
    }
    entries.push({ line: i + 1, method: m[1]?.toUpperCase(), path: (m[2] as string).replace(/\/$/, '') || '/', words: (m[3] as string).trim() })
  })
  if (problems.length) throw new SpecError(file, problems)
  return { file, text, entries }
}

/** The vocabulary words for one operation: every entry naming it or a path it lies under. */
export function vocabularyWords(vocabulary: Vocabulary | undefined, method: string, path: string): string {
  if (!vocabulary) return ''
  return vocabulary.entries
    .filter((e) => matches(e, method, path))
    .map((e) => e.words)
    .join(' ')
}

/** Warnings for entries that name no operation of the spec (a path renamed or removed since they were written). */
export function unusedVocabulary(vocabulary: Vocabulary | undefined, ops: { method: string; path: string }[]): SpecProblem[] {
  if (!vocabulary) return []
  return vocabulary.entries
    .filter((e) => !ops.some((op) => matches(e, op.method, op.path)))
    .map((e) => ({
      pointer: `${vocabulary.file}:${e.line}`,
      message: `${e.method ? `${e.method} ` : ''}${e.path} names no operation`,
      fix: 'correct the path to one the spec has, or delete the line',
    }))
}

function matches(e: VocabularyEntry, method: string, path: string): boolean {
  if (e.method) return e.method === method && e.path === path
  return path === e.path || path.startsWith(`${e.path}/`)
}
