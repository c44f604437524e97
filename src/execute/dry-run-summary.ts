// The part of a dry run's answer that lists what would have been sent: every request the calls built and checked,
// in order, credentials shown only as [credential], cut to a share of the token budget.
import type { RequestPreview } from '../host/preview-request.ts'
import { truncateJson } from './truncate-json.ts'

export interface DryRunSummary {
  sent: 0
  note: string
  requests: RequestPreview[]
}

const NOTE =
  'Dry run: nothing was sent. Each call was checked as usual and resolved to null (this server keeps no response examples from the spec). Run again without dryRun to send these.'

/** The requests as one JSON-ready object of at most about `maxChars` characters. */
export function dryRunSummary(planned: RequestPreview[], maxChars: number): DryRunSummary {
  const requests: RequestPreview[] = []
  let used = NOTE.length + 40
  for (const request of planned) {
    const body = request.body === undefined ? {} : { body: truncateJson(request.body, 600).value }
    const shown = { ...request, ...body }
    const cost = JSON.stringify(shown).length + 1
    if (used + cost > maxChars) break
    requests.push(shown)
    used += cost
  }
  const more = planned.length - requests.length
  return { sent: 0, note: more ? `${NOTE} ${more} more request(s) not listed, to stay within the token budget.` : NOTE, requests }
}
