// The McpAgent: one Durable Object per MCP session, at /mcp and /sse. It registers search and execute
// (src/mcp/tool-handlers.ts) with its own SQLite as the session store, and nothing else.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { McpAgent } from 'agents/mcp'
import { registerTools } from './mcp/register-tools.ts'
import { type Props, prepareSearch, toolHandlers } from './mcp/tool-handlers.ts'
import { IdleExpiry, type Scheduling, sessionIdleMs } from './session/idle-expiry.ts'
import { SessionStore } from './session/session-store.ts'
import { ANOTHER_USERS_SESSION } from './sign-in/bind-session.ts'

export class CodeModeAgent extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'codemode-openapi-mcp', version: '0.1.0' }, { capabilities: { logging: {} } })
  readonly #expiry = new IdleExpiry(this as unknown as Scheduling, 'expireIdleSession', () => sessionIdleMs(this.env.SESSION_IDLE_SECONDS))

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
    const handlers = toolHandlers(this.env, { props: () => this.props, store: (limits) => new SessionStore(this.ctx.storage.sql, limits) })
    registerTools(this.server, handlers)
    // In the background: by the session's first search, its APIs and the search index are loaded (once per isolate).
    if (handlers.apis.length) prepareSearch(handlers.apis).catch((err: unknown) => console.error('loading the search index failed; search will retry', err))
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
}
