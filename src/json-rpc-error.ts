// A refusal in front of the MCP transport, shaped as a JSON-RPC error so MCP clients show its message.

export function jsonRpcError(status: number, message: string, code = -32000): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), { status, headers: { 'content-type': 'application/json' } })
}
