// The shape of a request the Worker may run as a tool call (src/session/direct-tool-calls.ts): what agents' transport
// would have checked before anything else, so that a request failing it is left for agents to refuse as it always has.
import { type JSONRPCRequest, JSONRPCRequestSchema, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js'

/** agents' limit on a POST body, kept here so that a body it would refuse is left for it to refuse. */
const MAX_BODY_BYTES = 4 * 1024 * 1024

/** The headers agents would have checked before anything else; a request failing them is left for it to refuse. */
export function directEligible(headers: Headers): boolean {
  const accept = headers.get('accept') ?? ''
  const version = headers.get('mcp-protocol-version')
  return (
    accept.includes('application/json') &&
    accept.includes('text/event-stream') &&
    (headers.get('content-type') ?? '').includes('application/json') &&
    Number.parseInt(headers.get('content-length') ?? '0', 10) <= MAX_BODY_BYTES &&
    (version === null || SUPPORTED_PROTOCOL_VERSIONS.includes(version))
  )
}

/** The body as one valid tools/call request, or undefined for anything else (a batch, a notification, bad JSON). */
export function toolCall(body: string): JSONRPCRequest | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  const request = JSONRPCRequestSchema.safeParse(parsed)
  return request.success && request.data.method === 'tools/call' ? (parsed as JSONRPCRequest) : undefined
}

/** The CORS headers agents puts on its /mcp answers (its defaults: no corsOptions is set), so browser clients read these the same. */
export const CORS = {
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization, mcp-session-id, mcp-protocol-version',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'mcp-session-id',
  'Access-Control-Max-Age': '86400',
}
