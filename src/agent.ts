// The McpAgent: one Durable Object per MCP session, at /mcp and /sse. It registers search and execute
// (src/mcp/tool-handlers.ts) with its own SQLite as the session store, and nothing else. The tool calls the Worker
// runs itself (src/session/direct-tool-calls.ts) check the session here and reach its store over RPC.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { JSONRPCRequest, RequestId } from '@modelcontextprotocol/sdk/types.js'
import { McpAgent } from 'agents/mcp'
import { type Limits, resolveLimits } from './limits.ts'
import { registerTools } from './mcp/register-tools.ts'
import { SERVER_INFO, SERVER_OPTIONS } from './mcp/tool-definitions.ts'
import { type Props, prepareSearch, toolHandlers } from './mcp/tool-handlers.ts'
import { IdleExpiry, type Scheduling, sessionIdleMs } from './session/idle-expiry.ts'
import { MemoryEventStore } from './session/memory-event-store.ts'
import type { StoreOp } from './session/remote-session-store.ts'
import { SessionStore, type StoreResult } from './session/session-store.ts'
import { ANOTHER_USERS_SESSION } from './sign-in/bind-session.ts'

export class CodeModeAgent extends McpAgent<Env, unknown, Props> {
  server = new McpServer(SERVER_INFO, SERVER_OPTIONS)
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
    const handlers = toolHandlers(this.env, { props: () => this.props, store: (limits) => this.#store(limits) })
    registerTools(this.server, handlers)
    // In the background, for the calls that still run here (the SSE transport, approvals, long limits): by the
    // session's first search its APIs and the search index are loaded (once per isolate). The Worker warms its own.
    if (handlers.apis.length) prepareSearch(handlers.apis).catch((err: unknown) => console.error('loading the search index failed; search will retry', err))
  }

  /**
   * A tools/call the Worker runs itself (src/session/direct-tool-calls.ts) asks here, beside its start, whether this
   * session is open to this request's user (another user's props throw, as on agents' path). The call counts as
   * activity. Whether the session's client can be asked to approve a write (elicitation, from its stored initialize
   * request), or undefined for a session never initialized or ended.
   */
  async _openSession(props: Props | undefined): Promise<{ elicits: boolean } | undefined> {
    const initialize = (await this._startRequest(props)) as JSONRPCRequest | undefined
    if (!initialize) return undefined
    await this.#expiry.touch()
    return { elicits: (initialize.params as { capabilities?: { elicitation?: unknown } } | undefined)?.capabilities?.elicitation !== undefined }
  }

  /**
   * One session-store operation of such a call, sent once its session was found open; undefined, doing nothing, once
   * the session has ended, so that an ended session's deleted store is never written again. (An object this call
   * wakes again is started by agents, as getInitializeRequest starts it, and so has its idle alarm armed.)
   */
  async _storeOp(op: StoreOp): Promise<StoreResult<unknown> | undefined> {
    if (!(await this.getInitializeRequest())) return undefined
    const store = this.#sessionStore ?? this.#store(resolveLimits(this.env))
    if (op.op === 'get') return store.get(op.key)
    if (op.op === 'set') return store.set(op.key, op.json, op.dryRun)
    if (op.op === 'delete') return store.delete(op.key, op.dryRun)
    if (op.op === 'keep') return store.keep(op.json)
    return { ok: true, value: store.keys() }
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

  /**
   * agents' ensure-initialized and getInitializeRequest in one round trip from the Worker (the stored initialize
   * request, undefined when the session has none): see src/session/merged-session-hops.ts. Its name starts with `_`
   * so that agents does not wrap it as it wraps an Agent's other async methods, which start the object without
   * props before the method runs: the session would start without its user's props (their access), and keep that.
   */
  async _startRequest(props?: Props): Promise<unknown> {
    await this.__unsafe_ensureInitialized(props)
    return this.getInitializeRequest()
  }

  /** Refuses another user's DELETE of this session (src/session/direct-tool-calls.ts), storing and starting nothing. */
  async _ownSession(props: Props): Promise<void> {
    if ((await this.#ownerOf(props)) === 'other') throw new Error(ANOTHER_USERS_SESSION)
  }

  /** Whether `props` are this session's user's; a refreshed upstream token is taken. */
  async #bindProps(props: Props): Promise<boolean> {
    const owner = await this.#ownerOf(props)
    if (owner === 'other') return false
    if (owner && props.upstream?.accessToken !== owner.upstream?.accessToken) await this.updateProps(props)
    return true
  }

  /** The session's stored props when they are `props`' user's, 'other' when another user's, undefined when none (read without starting the object). */
  async #ownerOf(props: Props): Promise<Props | 'other' | undefined> {
    const current = this.props ?? (await this.ctx.storage.get<Props>('props'))
    if (!current) return undefined
    return current.user?.id === props.user?.id ? current : 'other'
  }
}
