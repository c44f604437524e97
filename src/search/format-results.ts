// The ranked list that free-text search answers with: one line per operation (API, name, method and path, what it
// does, whether it writes or is deprecated), signatures under the top results, all within a token budget, and a
// last line that says how to see more.
import type { ApiMeta, OperationSpec } from '../artifacts.ts'
import type { Catalog } from '../create-catalog.ts'
import { unusualAuth } from '../describe-auth.ts'
import { estimateTokens } from '../estimate-tokens.ts'
import { isWrite } from '../host/check-policy.ts'
import { firstSentence } from './analyze-text.ts'
import type { SearchHit } from './search-engine.ts'

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

const SIGNATURES_SHOWN = 3
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
    const flags = operationFlags(op, catalog.getApi(hit.api)!.meta, options.annotate?.(hit.api, op))
    const summary = clip(op.summary || firstSentence(catalog.getSearchDocs(hit.api).find((d) => d.name === op.name)?.description ?? ''), MAX_SUMMARY_CHARS)
    const line = `${first + i}. ${hit.api}.${op.name} — ${op.method} ${op.path}${summary ? ` — ${summary}` : ''}${flags ? ` [${flags}]` : ''}`
    return { line, signature: catalog.getTypeIndex(hit.api).operations[op.name]?.signature ?? '' }
  })
  const top = hits[0] && catalog.getApi(hits[0].api)?.byName.get(hits[0].name)
  const last = first + hits.length - 1
  const more = total > last ? `page: ${page + 1} for results ${last + 1}–${Math.min(total, last + pageSize)}; ` : ''
  const example = top ? ` (e.g. "${hits[0]?.api}.${top.name}" or "${top.method} ${top.path}")` : ''
  const tail = `More: ${more}search an exact name or "METHOD /path"${example} for its full signature and types.`
  let left = options.maxTokens - estimateTokens([head, tail, ...rows.map((r) => r.line)].join('\n'), CHARS_PER_TOKEN)
  const lines = [head]
  rows.forEach((row, i) => {
    lines.push(row.line)
    if (i >= SIGNATURES_SHOWN || !row.signature || left <= 20) return
    // The first signature may take up to half of what is left, the next ones what remains after it.
    const signature = shortenSignature(row.signature, Math.floor((i === 0 ? left / 2 : left) * CHARS_PER_TOKEN))
    lines.push(`   ${signature}`)
    left -= estimateTokens(signature, CHARS_PER_TOKEN) + 1
  })
  lines.push(tail)
  return lines.join('\n')
}

/** "writes", "deprecated", and the operation's auth where it differs from the API's usual one. */
export function operationFlags(op: OperationSpec, meta: ApiMeta, note?: string): string {
  return [isWrite(op) ? 'writes' : '', op.deprecated ? 'deprecated' : '', unusualAuth(op, meta) ?? '', note ?? ''].filter(Boolean).join(', ')
}

/** Fits a signature into `maxChars`: the return type goes first ("Promise<…>"), then the input is cut. */
export function shortenSignature(signature: string, maxChars: number): string {
  if (signature.length <= maxChars) return signature
  const at = signature.lastIndexOf('): Promise<')
  if (at > 0) {
    const withoutReturn = `${signature.slice(0, at)}): Promise<…>`
    if (withoutReturn.length <= maxChars) return withoutReturn
  }
  return `${signature.slice(0, Math.max(0, maxChars - 1))}…`
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s)
