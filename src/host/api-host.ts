// ApiHost: the only object the sandbox can reach. It checks each call against the spec and the operator's
// policy, builds exactly the request it checked, spends the execution's budget, adds the credentials the operation
// needs (which never leave the host: they are scrubbed from whatever comes back) and sends the request.
// It never throws across RPC: every call resolves to a CallOutcome. Once the execution's signal aborts (it ended,
// e.g. at its wall-time limit) the host sends nothing more, however late an approval arrives.
import { RpcTarget } from 'cloudflare:workers'
import type { Access } from '../access/resolve-access.ts'
import type { OperationSpec } from '../artifacts.ts'
import { apiNames, getApi, getMeta, getSchemas, loadArtifacts } from '../catalog.ts'
import { credentialForms } from './apply-credential.ts'
import { AuditLog } from './audit-log.ts'
import { checkCall } from './check-call.ts'
import { findOperationByPath } from './find-operation.ts'
import { hostOwnedSlots } from './host-owned-slots.ts'
import { nextPage } from './next-page.ts'
import { operatorCredentialForms, operatorCredentials } from './operator-credentials.ts'
import type { RequestPreview } from './preview-request.ts'
import { type RawRequest, rawRequestInput } from './raw-request-input.ts'
import { createScrubber, type Scrubber } from './scrub-secrets.ts'
import { planRequest, type SendRequestOptions, sendRequest } from './send-request.ts'
import { userCredentials, userTokenScheme } from './user-credentials.ts'

export type { RawRequest }

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: string }

/** One page of `<api>.paginate(name, input)`: its items, and the input of the next page (null after the last). */
export type PageOutcome = { ok: true; items: unknown[]; next: Record<string, unknown> | null } | { ok: false; error: string }

/** A sent call, with what paging needs to read the next page: the URL it went to and its Link header. */
type Sent = { ok: true; value: unknown; url?: URL; link?: string } | { ok: false; error: string }

export interface ExecutionLimits {
  maxCalls: number
  maxWrites: number
  maxResponseBytes: number
}

/** Asks a human to approve a write; resolves false when declined or when the client cannot ask. Stops asking when `signal` aborts. */
export type ApproveWrite = (api: string, op: OperationSpec, input: unknown, signal?: AbortSignal, preview?: RequestPreview) => Promise<{ approved: boolean; reason?: string }>

export interface ApiHostOptions {
  approve?: ApproveWrite
  ended?: AbortSignal
  /** The signed-in user's id, for the audit line. */
  user?: string
  /** What the signed-in user may use (ACCESS_RULES); everything API_CONFIG allows when absent. */
  access?: Access
  /** Upstream sign-in: the API the user signed in at, and their token for it (used instead of the operator's). */
  upstream?: { api: string; accessToken: string; scopes?: string[] }
  /** Check every call as usual, send none: each resolves to null and its request is kept in `planned`. */
  dryRun?: boolean
  /** What the execution has used; shared with SessionHost, whose reads spend the same byte budget. */
  used?: Usage
  /**
   * Resolves true once the caller may act for this session (its check ran beside the execution's start; see
   * src/session/direct-tool-calls.ts): no call is sent before it does, and none if it resolves false.
   */
  admitted?: Promise<boolean>
}

type Usage = { calls: number; writes: number; bytes: number }

export class ApiHost extends RpcTarget {
  #env: Record<string, unknown>
  #limits: ExecutionLimits
  #approve: ApproveWrite | undefined
  #ended: AbortSignal | undefined
  /** Who signed in, for the audit line; undefined without sign-in. */
  #user: string | undefined
  #access: Access
  /** Per paginated call (operation and input but the page), the last page read, to stop on a repeat. */
  #lastPage = new Map<string, string>()
  #upstream: ApiHostOptions['upstream']
  #used: Usage
  /** Writes sent per API, for each API's own maxWritesPerExecution; #used.writes counts all of them. */
  #writesTo = new Map<string, number>()
  #scrubber: Scrubber | undefined
  #dryRun: boolean
  #planned: RequestPreview[] = []
  readonly #audit = new AuditLog()
  #admitted: Promise<boolean> | undefined

  /** `ended` aborts when the execution is over; from then on no call is sent. `access` is the signed-in user's. */
  constructor(env: Record<string, unknown>, limits: ExecutionLimits, options: ApiHostOptions = {}) {
    super()
    this.#env = env
    this.#limits = limits
    this.#approve = options.approve
    this.#ended = options.ended
    this.#user = options.user
    this.#access = options.access ?? { all: true }
    this.#upstream = options.upstream
    this.#dryRun = options.dryRun === true
    this.#used = options.used ?? { calls: 0, writes: 0, bytes: 0 }
    this.#admitted = options.admitted
  }

  /** `<api>.<operation>(input)` from the sandbox. */
  async call(api: string, operation: string, input: unknown): Promise<CallOutcome> {
    try {
      await loadArtifacts([String(api)])
      const sent = await this.#call(String(api), String(operation), input)
      return sent.ok ? { ok: true, value: sent.value } : sent
    } catch (err) {
      console.error('ApiHost.call failed', err)
      return { ok: false, error: `${api}.${operation}: the host could not complete the call (${(err as Error).message}); try again` }
    }
  }

  /** `<api>.request({ method, path, query, headers, body })`: the raw escape hatch, held to the same checks. */
  async request(api: string, req: RawRequest): Promise<CallOutcome> {
    let input: Record<string, unknown>
    let name: string
    try {
      await loadArtifacts([String(api)])
      const target = getApi(String(api))
      const found = target && findOperationByPath(target, req?.method, req?.path)
      if (!found || 'error' in found) return { ok: false, error: `${api}.request: ${found && 'error' in found ? found.error : `unknown API "${api}"`}` }
      const raw = rawRequestInput(found.op, found.pathParams, req, getSchemas(String(api)), hostOwnedSlots(target.meta.securitySchemes))
      if ('error' in raw) return { ok: false, error: `${api}.request: ${raw.error}` }
      input = raw.input
      name = found.op.name
    } catch (err) {
      console.error('ApiHost.request failed', err)
      return { ok: false, error: `${api}.request: the host could not read the request (${(err as Error).message})` }
    }
    return this.call(api, name, input)
  }

  /** `<api>.paginate(name, input)` from the sandbox: one page, each held to every check of a call. */
  async page(api: string, operation: string, input: unknown): Promise<PageOutcome> {
    const label = `${api}.${operation}`
    try {
      await loadArtifacts([String(api)])
      const op = getApi(String(api))?.byName.get(String(operation))
      if (op && !op.pagination) return { ok: false, error: `${label}: this operation does not page (its spec shows no pagination); call it directly` }
      const sent = await this.#call(String(api), String(operation), input)
      if (!sent.ok || !op) return sent.ok ? { ok: false, error: `${label}: unknown operation` } : sent
      if (this.#dryRun || !sent.url) return { ok: true, items: [], next: null }
      const step = nextPage(op, (input ?? {}) as Record<string, unknown>, sent.value, sent.link, sent.url)
      if ('error' in step) return { ok: false, error: `${label}: ${step.error}` }
      // A page the same as the one before it (a server that ignores the page parameter) ends the walk.
      const stream = `${label} ${JSON.stringify({ ...(input as object), [op.pagination!.param]: undefined })}`
      const seen = JSON.stringify(step.items).slice(0, 100_000)
      const repeated = this.#lastPage.get(stream) === seen
      this.#lastPage.set(stream, seen)
      return repeated ? { ok: true, items: [], next: null } : { ok: true, ...step }
    } catch (err) {
      console.error('ApiHost.page failed', err)
      return { ok: false, error: `${label}: the host could not complete the call (${(err as Error).message}); try again` }
    }
  }

  /** Called when the execution has its answer: the audit lines are written after it goes out (src/host/audit-log.ts). */
  releaseAudit(): void {
    this.#audit.release()
  }

  get usage(): Usage {
    return { ...this.#used }
  }

  /** In a dry run, the requests the calls would have sent, in order. */
  get planned(): RequestPreview[] {
    return [...this.#planned]
  }

  async #call(apiName: string, name: string, input: unknown): Promise<Sent> {
    const context = { apiConfig: this.#env.API_CONFIG, access: this.#access, upstream: this.#upstream, limits: this.#limits, used: this.#used, writesTo: this.#writesTo }
    const checked = checkCall(context, apiName, name, input)
    if (!checked.ok) return checked
    const { label, api, op, config, built, writes } = checked
    const own = this.#upstream?.api === apiName ? this.#upstream.accessToken : undefined
    const send: Omit<SendRequestOptions, 'budget'> = {
      label,
      op,
      config: own ? { ...config, scheme: userTokenScheme(api.meta.securitySchemes)?.name } : config,
      schemes: api.meta.securitySchemes,
      find: own ? userCredentials(own) : operatorCredentials(this.#env, config),
      scrub: this.#scrub(),
      signal: this.#ended,
    }
    const plan = this.#dryRun || (writes && config.approveWrites) ? planRequest(built, { ...send, budget: { left: 0, limit: 0 } }) : undefined
    if (plan && !plan.ok) return plan
    if (this.#dryRun && plan) {
      // Counted like a sent call, so the limits a real run would hit show up in the dry run too.
      this.#count(apiName, writes)
      this.#planned.push({ ...plan.preview, ...(writes && config.approveWrites ? { approval: 'required' } : {}) })
      return { ok: true, value: null }
    }
    if (this.#admitted && !(await this.#admitted)) return { ok: false, error: `${label}: not sent: this session is not open (unknown, ended, or another user's)` }
    if (writes && config.approveWrites) {
      const verdict = await this.#askApproval(apiName, op, input, plan?.preview)
      if (this.#ended?.aborted) return { ok: false, error: `${label}: ${ENDED}` }
      if (!verdict.approved) return { ok: false, error: `${label}: write not approved (${verdict.reason ?? 'declined'})` }
    }
    if (this.#ended?.aborted) return { ok: false, error: `${label}: ${ENDED}` }
    this.#count(apiName, writes)
    const started = Date.now()
    const sent = await sendRequest(built, { ...send, budget: { left: this.#limits.maxResponseBytes - this.#used.bytes, limit: this.#limits.maxResponseBytes } })
    this.#used.bytes += sent.bytes
    this.#audit.record(
      { at: new Date(started).toISOString(), user: this.#user ?? null, api: apiName, operation: name, method: op.method, status: sent.status ?? null, ms: Date.now() - started },
      writes,
    )
    return sent.ok ? { ok: true, value: sent.value, url: built.url, link: sent.link } : { ok: false, error: sent.error }
  }

  #count(apiName: string, writes: boolean): void {
    this.#used.calls++
    if (!writes) return
    this.#used.writes++
    this.#writesTo.set(apiName, (this.#writesTo.get(apiName) ?? 0) + 1)
  }

  /** Scrubs every credential the operator configured, for any API, from what goes back to the sandbox. */
  #scrub(): Scrubber {
    const own = this.#upstream ? credentialForms({ name: 'user', type: 'http', scheme: 'bearer' }, this.#upstream.accessToken) : []
    this.#scrubber ??= createScrubber([...operatorCredentialForms(this.#env, () => apiNames().map((n) => getMeta(n)!)), ...own])
    return this.#scrubber
  }

  /** The human's verdict; an approver that fails because the execution ended counts as a refusal. */
  async #askApproval(apiName: string, op: OperationSpec, input: unknown, preview?: RequestPreview): Promise<{ approved: boolean; reason?: string }> {
    if (!this.#approve) return { approved: false, reason: 'this server requires human approval of writes and no approver is available' }
    try {
      return await this.#approve(apiName, op, input, this.#ended, preview)
    } catch (err) {
      if (this.#ended?.aborted) return { approved: false, reason: ENDED }
      throw err
    }
  }
}

const ENDED = 'the execution ended (its wall-time limit passed, or its code returned) before this call was sent, so it was not sent'
