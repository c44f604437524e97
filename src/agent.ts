// The McpAgent: one Durable Object per MCP session. It registers search and execute and nothing else.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { RequestId } from '@modelcontextprotocol/sdk/types.js'
import { McpAgent } from 'agents/mcp'
import { accessOf, callableBy } from './access/callable.ts'
import type { Access } from './access/resolve-access.ts'
import type { OperationSpec } from './artifacts.ts'
import { apiNames, catalog, getApi } from './catalog.ts'
import { formatAnswer } from './execute/format-answer.ts'
import { runCode } from './execute/run-code.ts'
import type { ApproveWrite } from './host/api-host.ts'
import { lackingScopes } from './host/missing-scopes.ts'
import { previewText } from './host/preview-request.ts'
import { type Limits, resolveLimits } from './limits.ts'
import { type AskHuman, registerTools } from './mcp/register-tools.ts'
import { answerSearch } from './search/answer-search.ts'
import { IdleExpiry, type Scheduling, sessionIdleMs } from './session/idle-expiry.ts'
import { MemoryEventStore } from './session/memory-event-store.ts'
import { SessionStore } from './session/session-store.ts'
import { ANOTHER_USERS_SESSION } from './sign-in/bind-session.ts'
import type { GrantProps } from './sign-in/sign-in-handler.ts'

/** What identity sign-in stores in the grant (src/sign-in/sign-in-handler.ts); absent without sign-in. */
type Props = Partial<GrantProps>

export class CodeModeAgent extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'codemode-openapi-mcp', version: '0.1.0' }, { capabilities: { logging: {} } })
  readonly #expiry = new IdleExpiry(this as unknown as Scheduling, 'expireIdleSession', () => sessionIdleMs(this.env.SESSION_IDLE_SECONDS))
  /** SSE resumption state in memory, not in storage: see src/session/memory-event-store.ts. */
  readonly #events = new MemoryEventStore()
  /** The session store, its tables made once per object (a destroyed object starts as a new instance). */
  #sessionStore: SessionStore | undefined

  /** Every MCP request (each POST, the GET stream, SSE) reaches the object here: it counts as activity. */
  override async fetch(request: Request): Promise<Response> {
    await this.#expiry.touch()
    return super.fetch(request)
  }

  /**
   * The idle deadline (src/session/idle-expiry.ts): ends the session as a client's DELETE does. agents' own path
   * marks the session unknown (a later request gets 404) and deletes all storage in a fresh alarm of its own; a
   * destroy() run inline here was undone by the scheduler's bookkeeping after this callback returned.
   */
  async expireIdleSession(): Promise<void> {
    console.log(`session ${this.name} idle for SESSION_IDLE_SECONDS: deleting its storage`)
    await this._cf_terminateSession()
  }

  async init(): Promise<void> {
    await this.#expiry.ensureArmed()
    const user = this.props?.user
    let access: Access = { all: false, apis: {} }
    let problem: string | undefined
    try {
      access = accessOf(this.env.ACCESS_RULES, this.props)
    } catch (err) {
      // A bad rule gives no one access, and says so, rather than failing every session.
      problem = `This server's access rules are invalid, so no API is available: ${(err as Error).message} Tell its operator.`
      console.error(problem)
    }
    const apis = apiNames().filter((api) => access.all || Object.hasOwn(access.apis, api))
    const visible = callableBy(access, this.env.API_CONFIG)
    registerTools(this.server, {
      apis,
      search: (args) =>
        apis.length
          ? answerSearch(catalog, args, { visible, annotate: (api, op) => this.#scopeNote(api, op) })
          : {
              text: problem ?? `Your account (${user?.login ?? user?.email ?? user?.id}) has no access to any API on this server. Ask its operator to add you to ACCESS_RULES.`,
              isError: true,
            },
      execute: apis.length
        ? async ({ code, dryRun }, { ask }) => {
            const limits = resolveLimits(this.env)
            // Read at call time: a refreshed grant brings the user's new upstream token in new props.
            const upstream = this.props?.upstream
            const store = this.#store(limits)
            const options = { ...limits, approve: approveWith(ask), user: user?.id, access, upstream, dryRun, store }
            // A dry run changes nothing in the session either: its cut results are not kept.
            const keep = dryRun ? undefined : (json: string) => store.keep(json)
            return formatAnswer(await runCode(this.env, code, options), limits.maxResultTokens, this.env.MOCK_UPSTREAM || undefined, keep)
          }
        : undefined,
    })
  }

  /** The session store in this session object's SQLite (src/session/session-store.ts); the vars, and so the limits, are fixed for the object's life. */
  #store(limits: Limits): SessionStore {
    this.#sessionStore ??= new SessionStore(this.ctx.storage.sql, limits)
    return this.#sessionStore
  }

  // agents keeps each POST stream's events and request ids in storage, four storage operations per MCP request that
  // hold the object's outgoing messages until written; these keep them in memory (src/session/memory-event-store.ts).
  protected override getEventStore(): MemoryEventStore {
    return this.#events
  }
  override async setStreamRequestIds(streamId: string, requestIds: RequestId[]): Promise<void> {
    this.#events.setRequestIds(streamId, requestIds)
  }
  override async getStreamRequestIds(streamId: string): Promise<RequestId[] | undefined> {
    return this.#events.getRequestIds(streamId)
  }
  override async deleteStreamRequestIds(streamId: string): Promise<void> {
    this.#events.deleteRequestIds(streamId)
  }
  override async getStreamForRequestId(requestId: RequestId): Promise<{ streamId: string; requestIds: RequestId[] } | undefined> {
    return this.#events.streamForRequestId(requestId)
  }

  /**
   * Every request reaches its session object through here (agents' getAgentByName) with its token's props: a request
   * of another user is refused, and a refreshed upstream token is taken. See src/sign-in/bind-session.ts.
   */
  override async __unsafe_ensureInitialized(props?: Props): Promise<void> {
    if (props && !(await this.#bindProps(props))) throw new Error(ANOTHER_USERS_SESSION)
    await super.__unsafe_ensureInitialized(props)
  }

  /** Whether `props` are this session's user's; reads the stored props when the object has not started yet. */
  async #bindProps(props: Props): Promise<boolean> {
    const current = this.props ?? (await this.ctx.storage.get<Props>('props'))
    if (!current) return true
    if (current.user?.id !== props.user?.id) return false
    if (props.upstream?.accessToken !== current.upstream?.accessToken) await this.updateProps(props)
    return true
  }

  /** For a user signed in at this API: the scopes an operation needs that their sign-in did not grant. */
  #scopeNote(api: string, op: OperationSpec): string | undefined {
    const missing = lackingScopes(this.props?.upstream, api, getApi(api)?.meta.securitySchemes ?? [], op)
    return missing ? `needs scope ${missing.join(' ')}` : undefined
  }
}

/** Write approval through MCP elicitation; a client that cannot elicit gets a clear refusal. */
function approveWith(ask: AskHuman | undefined): ApproveWrite {
  return async (api, op, input, signal, preview) => {
    if (!ask)
      return {
        approved: false,
        reason: 'this server requires a human to approve writes, and this MCP client does not support elicitation; use a client that does, or ask the operator',
      }
    const shown = JSON.stringify(input ?? {})
    const request = ` (${op.method} ${op.path}) with ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`
    const approved = await ask(preview ? `Allow ${api}.${op.name}? It sends:\n${previewText(preview)}` : `Allow ${api}.${op.name}${request}?`, signal)
    return approved ? { approved: true } : { approved: false, reason: 'the user declined' }
  }
}
