// The McpAgent: one Durable Object per MCP session. It registers search and execute and nothing else.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { McpAgent } from 'agents/mcp'
import { apiNames, catalog } from './catalog.ts'
import { formatAnswer } from './execute/format-answer.ts'
import { runCode } from './execute/run-code.ts'
import type { ApproveWrite } from './host/api-host.ts'
import { resolveLimits } from './limits.ts'
import { type AskHuman, registerTools } from './mcp/register-tools.ts'
import { answerSearch } from './search/answer-search.ts'
import type { SignedInUser } from './sign-in/identity-provider.ts'

/** What identity sign-in stores in the grant (src/sign-in/sign-in-handler.ts); absent without sign-in. */
type Props = { user?: SignedInUser }

export class CodeModeAgent extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'codemode-openapi-mcp', version: '0.1.0' }, { capabilities: { logging: {} } })

  async init(): Promise<void> {
    registerTools(this.server, {
      apis: apiNames(),
      search: (args) => answerSearch(catalog, args),
      execute: async ({ code }, { ask }) => {
        const limits = resolveLimits(this.env)
        const user = this.props?.user?.id
        return formatAnswer(await runCode(this.env, code, { ...limits, approve: approveWith(ask), user }), limits.maxResultTokens)
      },
    })
  }
}

/** Write approval through MCP elicitation; a client that cannot elicit gets a clear refusal. */
function approveWith(ask: AskHuman | undefined): ApproveWrite {
  return async (api, op, input, signal) => {
    if (!ask)
      return {
        approved: false,
        reason: 'this server requires a human to approve writes, and this MCP client does not support elicitation; use a client that does, or ask the operator',
      }
    const shown = JSON.stringify(input ?? {})
    const approved = await ask(`Allow ${api}.${op.name} (${op.method} ${op.path}) with ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}?`, signal)
    return approved ? { approved: true } : { approved: false, reason: 'the user declined' }
  }
}
