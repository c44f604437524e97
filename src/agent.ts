// The McpAgent: one Durable Object per MCP session. It registers search and execute and nothing else.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { McpAgent } from 'agents/mcp'
import { apiNames } from './catalog.ts'
import { formatAnswer } from './execute/format-answer.ts'
import { runCode } from './execute/run-code.ts'
import { registerTools } from './mcp/register-tools.ts'
import { answerSearch } from './search/answer-search.ts'
import { resolveLimits } from './limits.ts'

export class CodeModeAgent extends McpAgent<Env> {
  server = new McpServer({ name: 'codemode-openapi-mcp', version: '0.1.0' })

  async init(): Promise<void> {
    registerTools(this.server, {
      apis: apiNames(),
      search: (args) => answerSearch(args),
      execute: async ({ code }) => {
        const limits = resolveLimits(this.env)
        return formatAnswer(await runCode(this.env, code, limits), limits.maxResultTokens)
      },
    })
  }
}
