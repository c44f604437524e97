// The ranked list that free-text search answers with: one line per operation (API, name, method and path, what it
// does, whether it writes or is deprecated), signatures under the top results, all within a token budget, and a
// last line that says how to see more.
import type { ApiMeta, OperationSpec } from '../artifacts.ts'
import type { Catalog } from '../create-catalog.ts'
import { unusualAuth } from '../describe-auth.ts'
import { estimateTokens } from '../estimate-tokens.ts'
import { isWrite } from '../host/check-policy.ts'
import { firstSentence } from './analyze-text.ts'
import { findReplacement } from './find-replacement.ts'
import type { SearchHit } from './search-engine.ts'
import { shortenSignature } from './shorten-signature.ts'

export { shortenSignature }

export interface FormatResultsOptions {
  query: string
  page: number
  pageSize: number
  total: number
  /** Rough budget for the whole answer, in tokens; signatures are shortened or dropped to fit. */
  maxTokens: number
  /** The first line instead of the usual one: a lookup that matched nothing says so there. */
  heading?: string
  /** A note for one user on an operation, shown among its flags. */
  annotate?: (api: string, op: OperationSpec) => string | undefined
}

const MIN_SIGNATURE_CHARS = 24
export const PAGING = { page: 'page number', cursor: 'cursor', link: 'Link header', starting_after: 'starting_after' } as const
const MAX_SUMMARY_CHARS = 90
// Signatures and paths run at about 3.3 characters per cl100k token; the estimate errs on the long side.
const CHARS_PER_TOKEN = 3.3

/** Renders one page of ranked hits within the token budget. */
export function formatResults(catalog: Catalog, hits: SearchHit[], options: FormatResultsOptions): string {
  const { page, pageSize, total } = options
  const first = (page - 1) * pageSize + 1
  // How many operations share a word with the query says nothing about the results, so it is not shown.
  const head = options.heading ?? `Operations for "${options.query}", best first (${first}–${first + hits.length - 1}):`
  const rows = hits.map((hit, i) => {
    const op = catalog.getApi(hit.api)?.byName.get(hit.name)
    if (!op) return { line: `${first + i}. ${hit.api}.${hit.name}`, signature: '' }
    // The host picks each operation's credentials, so rows leave auth to the lookup and keep their budget for signatures.
    const description = op.summary && !op.deprecated ? '' : catalog.getDescription(hit.api, op.name)
    // A deprecated row names its successor, so the agent need not open it to find out.
    const next = op.deprecated ? findReplacement(catalog.getApi(hit.api)!, description, op.name) : undefined
    const notes = [next && `use ${hit.api}.${next}`, options.annotate?.(hit.api, op)].filter(Boolean).join(', ')
    const flags = operationFlags(op, undefined, notes || undefined)
    const summary = clip(op.summary || firstSentence(description), MAX_SUMMARY_CHARS)
    const line = `${first + i}. ${hit.api}.${op.name} — ${op.method} ${op.path}${summary ? ` — ${summary}` : ''}${flags ? ` [${flags}]` : ''}`
    // The line above names the operation, so its signature starts at the parameters.
    const signature = catalog.getTypeIndex(hit.api).operations[op.name]?.signature ?? ''
    return { line, signature: signature.startsWith(`${hit.api}.${op.name}(`) ? signature.slice(hit.api.length + op.name.length + 1) : signature }
  })
  const top = hits[0] && catalog.getApi(hits[0].api)?.byName.get(hits[0].name)
  const last = first + hits.length - 1
  const more = total > last ? `More: page ${page + 1}. ` : ''
  const example = top ? `"${hits[0]?.api}.${top.name}"` : 'an exact name'
  const tail = `${more}Full signature, description and types: search ${example} (or any name or "METHOD /path" above).`
  const shared = sharedParamsLines(catalog, [...new Set(hits.map((h) => h.api))])
  let left = options.maxTokens - estimateTokens([head, tail, ...shared, ...rows.map((r) => r.line)].join('\n'), CHARS_PER_TOKEN)
  // Every result gets a signature: first each its required fields, then what is left shared out (the first row
  // taking 40% of it, each next one an equal share of the rest).
  const floors = rows.map((row) => (row.signature ? estimateTokens(shortenSignature(row.signature, 0), CHARS_PER_TOKEN) : 0))
  let spare = left - floors.reduce((a, b) => a + b, 0)
  const lines = [head]
  rows.forEach((row, i) => {
    lines.push(row.line)
    if (!row.signature) return
    const extra = Math.max(0, i === 0 ? spare * 0.4 : spare / (rows.length - i))
    const signature = shortenSignature(row.signature, Math.floor(((floors[i] ?? 0) + extra) * CHARS_PER_TOKEN))
    // Past the budget (required fields can take more than a share), later rows go without.
    if (left <= 0 || (signature.length < MIN_SIGNATURE_CHARS && left < 20)) return
    lines.push(`   ${signature}`)
    const used = estimateTokens(signature, CHARS_PER_TOKEN) + 1
    spare -= Math.max(0, used - (floors[i] ?? 0))
    left -= used
  })
  lines.push(...shared, tail)
  return lines.join('\n')
}

/** One line per API whose operations all take some optional parameters, which signatures leave out. */
export function sharedParamsLines(catalog: Catalog, apis: string[]): string[] {
  return apis.flatMap((api) => {
    const shared = catalog.getTypeIndex(api).sharedParams
    return shared?.length ? [`Every ${api} operation also takes ${shared.join(', ')} (left out of the signatures).`] : []
  })
}

/** "writes", "deprecated", and (given the API's meta) the operation's auth where it differs from the API's usual one. */
export function operationFlags(op: OperationSpec, meta: ApiMeta | undefined, note?: string): string {
  const pages = op.pagination ? `pages by ${PAGING[op.pagination.style]}` : ''
  return [isWrite(op) ? 'writes' : '', pages, op.deprecated ? 'deprecated' : '', (meta && unusualAuth(op, meta)) ?? '', note ?? ''].filter(Boolean).join(', ')
}

// Both sources are one line already: codegen makes summaries one, and firstSentence collapses white space.
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)
