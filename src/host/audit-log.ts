// The audit trail: one JSON line per upstream call, naming when it was sent, the user, the operation, its status and
// time, never a credential or a body. The lines of reads are held until the execution has its answer and written a
// few milliseconds later, inside waitUntil so that none is lost: in local workerd each console.log costs about a
// millisecond of the one thread that also carries the answer out (from a session object, across to the Worker and
// out), so lines written on the way would make the answer wait once per call. A write's line is written at once, so
// no change to data goes unlogged if the isolate dies mid-execution; so is any line after the answer (a call still
// in flight when its execution hit the wall-time limit).
import { waitUntil } from 'cloudflare:workers'

/** How long after the answer the held lines are written; measured: 0 ms still delayed answers from a session object. */
const AFTER_ANSWER_MS = 5

export interface AuditEntry {
  /** When the request was sent (ISO 8601): held lines are written later than that. */
  at: string
  user: string | null
  api: string
  operation: string
  method: string
  status: number | null
  ms: number
}

export class AuditLog {
  #held: string[] | undefined = []

  record(entry: AuditEntry, write: boolean): void {
    const line = JSON.stringify({ audit: 'upstream-call', ...entry })
    if (this.#held && !write) this.#held.push(line)
    else console.log(line)
  }

  /** Writes the held lines once the answer being prepared has gone out; from now on, each line as it comes. */
  release(): void {
    const lines = this.#held ?? []
    this.#held = undefined
    if (lines.length)
      waitUntil(
        new Promise((resolve) => setTimeout(resolve, AFTER_ANSWER_MS)).then(() => {
          for (const line of lines) console.log(line)
        }),
      )
  }
}
