// The guided tour of `npm run demo -- --tour`: what an agent does first, through the official MCP client, each
// request and a short view of its answer, like a screencast in text. Written for the default API (Cloudflare).
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { callTool } from '../../test/support/server.ts'
import { countJsonTokens, countTokens } from '../tokens/count-tokens.ts'

const EXECUTE = `async () => {
  const zones = await cloudflare.zonesGet({ per_page: 5 })
  const zone = zones.result[0]
  const dns = await cloudflare.dnsRecordsForAZoneListDnsRecords({ zone_id: zone.id })
  return { zone: zone.name, records: dns.result.slice(0, 3).map((r) => ({ type: r.type, name: r.name, content: r.content })) }
}`

/** The first `lines` lines of a text, each cut to `width` characters, with a note of what was left out. */
function glimpse(text: string, lines: number, width = 150): string[] {
  const all = text.split('\n')
  const shown = all.slice(0, lines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l))
  return all.length > lines ? [...shown, `… ${all.length - lines} more line(s)`] : shown
}

export async function runTour(mcpUrl: URL, say: (line?: string) => void): Promise<void> {
  const client = new Client({ name: 'codemode-demo-tour', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(mcpUrl))
  const step = (title: string, request: string) => {
    say(`── ${title}`)
    say(`→ ${request}`)
  }
  try {
    const { tools } = await client.listTools()
    step('1. What the agent loads up front', 'tools/list')
    say(`← ${tools.length} tools (${tools.map((t) => t.name).join(', ')}), ${countJsonTokens(tools).cl100k} tokens (cl100k) for the whole API`)
    say()
    for (const [title, query, lines] of [
      ['2. Search in the user’s words', 'list DNS records of a zone', 5],
      ['3. Look up the exact operation it found', 'cloudflare.dnsRecordsForAZoneListDnsRecords', 8],
    ] as const) {
      const answer = await callTool(client, 'search', { query })
      step(title, `search ${JSON.stringify({ query })}`)
      for (const line of glimpse(answer.text, lines)) say(`← ${line}`.trimEnd())
      say(`  (${countTokens(answer.text).cl100k} tokens)`)
      say()
    }
    const answer = await callTool(client, 'execute', { code: EXECUTE })
    step('4. Run code that makes two calls and returns only what is needed', 'execute')
    for (const line of EXECUTE.split('\n')) say(`    ${line}`)
    say(`← ${answer.isError ? 'error: ' : ''}${answer.text}`)
    say()
    say('The answer came from the Prism mocks: the meter says so, and no request left this machine.')
  } finally {
    await client.close()
  }
}
