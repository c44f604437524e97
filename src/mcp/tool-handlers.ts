// What search and execute do for one user: the APIs and operations their sign-in props and ACCESS_RULES give them,
// searched and called with the Worker's env. Transport-free: the connection says whose props these are, where its
// session store is (or why it has none) and why it cannot ask a human when it cannot (the stateless route).
import { accessOf, callableBy } from '../access/callable.ts'
import type { Access } from '../access/resolve-access.ts'
import { apiNames, catalog, getMeta, loadArtifacts, loadSearchIndex } from '../catalog.ts'
import { formatAnswer, type KeepResult } from '../execute/format-answer.ts'
import { runCode } from '../execute/run-code.ts'
import type { ApproveWrite } from '../host/api-host.ts'
import { lackingScopes } from '../host/missing-scopes.ts'
import { previewText } from '../host/preview-request.ts'
import { type Limits, resolveLimits } from '../limits.ts'
import { answerSearch, engineFor } from '../search/answer-search.ts'
import type { SessionStoreLike } from '../session/session-store.ts'
import type { GrantProps } from '../sign-in/sign-in-handler.ts'
import type { AskHuman, ToolHandlers } from './tool-definitions.ts'

/** What sign-in stores in the grant (src/sign-in/sign-in-handler.ts); absent without sign-in. */
export type Props = Partial<GrantProps>

export type Connection = {
  /** The user's props, read at each call: a refreshed grant brings the user's new upstream token in new props. */
  props(): Props | undefined
  /** Why a write needing approval is refused when the client cannot be asked; default: the client cannot elicit. */
  cannotAsk?: string
  /** Resolves true once this call may act for its session: see ApiHostOptions.admitted. */
  admitted?: Promise<boolean>
} & (
  | { /** This connection's session store. */ store(limits: Limits): SessionStoreLike }
  | { /** Why it has none: said to the model's `session.*` calls and in place of a cut result's handle. */ noStore: string }
)

const CANNOT_ELICIT = 'this server requires a human to approve writes, and this MCP client does not support elicitation; use a client that does, or ask the operator'

export function toolHandlers(env: Env, connection: Connection): ToolHandlers {
  const user = connection.props()?.user
  let access: Access = { all: false, apis: {} }
  let problem: string | undefined
  try {
    access = accessOf(env.ACCESS_RULES, connection.props())
  } catch (err) {
    // A bad rule gives no one access, and says so, rather than failing every session.
    problem = `This server's access rules are invalid, so no API is available: ${(err as Error).message} Tell its operator.`
    console.error(problem)
  }
  const apis = apiNames().filter((api) => access.all || Object.hasOwn(access.apis, api))
  const visible = callableBy(access, env.API_CONFIG)
  /** For a user signed in at this API: the scopes an operation needs that their sign-in did not grant. */
  const annotate = (api: string, op: Parameters<typeof lackingScopes>[3]) => {
    const missing = lackingScopes(connection.props()?.upstream, api, getMeta(api)?.securitySchemes ?? [], op)
    return missing ? `needs scope ${missing.join(' ')}` : undefined
  }
  return {
    apis,
    search: async (args) => {
      if (!apis.length)
        return {
          text: problem ?? `Your account (${user?.login ?? user?.email ?? user?.id}) has no access to any API on this server. Ask its operator to add you to ACCESS_RULES.`,
          isError: true,
        }
      await prepareSearch(args.api ? [args.api] : apis)
      return answerSearch(catalog, args, { visible, annotate })
    },
    execute: apis.length
      ? async ({ code, dryRun }, { ask }) => {
          const limits = resolveLimits(env)
          const upstream = connection.props()?.upstream
          const store = 'store' in connection ? connection.store(limits) : undefined
          const noStore = 'noStore' in connection ? connection.noStore : undefined
          const approve = approveWith(ask, connection.cannotAsk ?? CANNOT_ELICIT)
          const options = { ...limits, approve, user: user?.id, access, upstream, dryRun, store, noStore, admitted: connection.admitted }
          // A dry run changes nothing in the session either: its cut results are not kept.
          const keep: KeepResult | undefined = dryRun ? undefined : (json) => (store ? store.keep(json) : { ok: false, error: noStore ?? 'no session store' })
          return formatAnswer(await runCode(env, code, options), limits.maxResultTokens, env.MOCK_UPSTREAM || undefined, keep)
        }
      : undefined,
  }
}

/**
 * Loads what a search over `apis` reads (their artifacts and the search index) and restores the engine, once per
 * isolate. A session calls it as it starts too, so its first search seldom waits for any of it.
 */
export async function prepareSearch(apis: string[]): Promise<void> {
  await Promise.all([loadArtifacts(apis), loadSearchIndex()])
  engineFor(catalog)
}

/** Write approval through MCP elicitation; without a way to ask, a clear refusal saying why (`cannotAsk`). */
function approveWith(ask: AskHuman | undefined, cannotAsk: string): ApproveWrite {
  return async (api, op, input, signal, preview) => {
    if (!ask) return { approved: false, reason: cannotAsk }
    const shown = JSON.stringify(input ?? {})
    const request = ` (${op.method} ${op.path}) with ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`
    const approved = await ask(preview ? `Allow ${api}.${op.name}? It sends:\n${previewText(preview)}` : `Allow ${api}.${op.name}${request}?`, signal)
    return approved ? { approved: true } : { approved: false, reason: 'the user declined' }
  }
}
