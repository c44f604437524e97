// The last step of a call: put the operation's credentials on the request the host built and checked, send it
// without following redirects (a credential must not travel to another host), and read the answer within the
// execution's byte budget, scrubbed of every credential. A 401 or 403 says what the operation's auth needs.
import type { OperationSpec, SecuritySchemeSpec } from '../artifacts.ts'
import type { ApiConfig } from '../config.ts'
import { applyCredential } from './apply-credential.ts'
import type { BuiltRequest } from './build-request.ts'
import { explainAuthFailure, explainMissingCredential } from './explain-auth-failure.ts'
import { previewRequest, type RequestPreview } from './preview-request.ts'
import { readResponse } from './read-response.ts'
import type { Scrubber } from './scrub-secrets.ts'
import { type FindCredential, selectCredentials } from './select-credentials.ts'

export interface SendRequestOptions {
  label: string
  op: OperationSpec
  config: ApiConfig
  schemes: SecuritySchemeSpec[]
  find: FindCredential
  scrub: Scrubber
  /** Bytes left of the execution's budget, and the configured budget that messages name. */
  budget: { left: number; limit: number }
  signal?: AbortSignal
}

/** `link`: the response's Link header, scrubbed, for paging. */
export type SendResult = { ok: true; value: unknown; bytes: number; status: number; link?: string } | { ok: false; error: string; bytes: number; status?: number }

export async function sendRequest({ url, init }: BuiltRequest, o: SendRequestOptions): Promise<SendResult> {
  const choice = selectCredentials(o.op, o.schemes, o.config.scheme, o.find)
  const missing = missingCredential(choice, o)
  if (missing) return { ok: false, error: missing, bytes: 0 }
  for (const credential of choice.sent) applyCredential(credential.scheme, credential.value, url, init.headers)
  let response: Response
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal: o.signal })
  } catch (err) {
    if (o.signal?.aborted) return { ok: false, error: `${o.label}: the execution ended while this call was in flight, so it was cancelled`, bytes: 0 }
    return { ok: false, error: o.scrub.text(`${o.label}: ${unreachable(url, o.config, o.label, err)}`), bytes: 0 }
  }
  const read = await readResponse(response, o.budget.left, o.budget.limit, o.scrub)
  const link = response.headers.get('link')
  if (read.ok) return { ...read, status: response.status, ...(link ? { link: o.scrub.text(link) } : {}) }
  if (read.status !== 401 && read.status !== 403) return { ...read, error: `${o.label}: ${read.error}` }
  const configured = o.schemes.filter((s) => s.type !== 'mutualTLS' && o.find(s)).map((s) => s.name)
  return { ...read, error: `${o.label}: ${read.error.replace(/\.?\s*$/, '.')} ${explainAuthFailure(o.op, o.config, choice, configured)}` }
}

/** A dry run's answer: the request as it would be sent, credentials shown as [credential], or why it would not be. */
export function planRequest(built: BuiltRequest, o: SendRequestOptions): { ok: true; preview: RequestPreview } | { ok: false; error: string } {
  const missing = missingCredential(selectCredentials(o.op, o.schemes, o.config.scheme, o.find), o)
  return missing ? { ok: false, error: missing } : { ok: true, preview: o.scrub.value(previewRequest(built, o)) as RequestPreview }
}

/** Nothing configured for an operation that declares it needs credentials: which secret to set (nothing is sent). */
function missingCredential(choice: ReturnType<typeof selectCredentials>, o: SendRequestOptions): string | undefined {
  return o.op.security && choice.met === undefined && choice.sent.length === 0 ? `${o.label}: ${explainMissingCredential(o.op, o.config)}` : undefined
}

/** Why a request never got an answer, without the runtime's internal reference, and where the base URL came from. */
function unreachable(url: URL, config: ApiConfig, label: string, err: unknown): string {
  const raw = String((err as Error)?.message ?? err)
  const cause = /internal error|reference =/i.test(raw) ? 'no connection could be made (no network, a name that does not resolve, or a refused port)' : raw.replace(/\.$/, '')
  const api = label.split('.')[0]
  const from = config.baseUrlFrom.startsWith('API_CONFIG') ? config.baseUrlFrom : `${config.baseUrlFrom}; to use another, set API_CONFIG.${api}.baseUrl in wrangler.jsonc`
  return `could not reach ${url.origin}: ${cause}. The base URL ${config.baseUrl} comes from ${from}. Retrying will not help until the API is reachable.`
}
