// Build-time problems in a spec. Each carries the JSON pointer it concerns and what to do about it.

export interface SpecProblem {
  pointer: string
  message: string
  fix?: string
}

/** A spec that cannot be served. Carries every problem found, not only the first. */
export class SpecError extends Error {
  readonly file: string
  readonly problems: SpecProblem[]
  constructor(file: string, problems: SpecProblem[]) {
    super(`${file}: ${problems.length} problem(s)\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'SpecError'
    this.file = file
    this.problems = problems
  }
}

export function formatProblem(p: SpecProblem): string {
  return `  at ${p.pointer}: ${p.message}${p.fix ? `. Fix: ${p.fix}` : ''}`
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function pointerOf(...segments: (string | number)[]): string {
  return `#/${segments.map((s) => escapePointer(String(s))).join('/')}`
}
