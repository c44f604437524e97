// DNS-rebinding protection: a request reaches the MCP transport only if its Host, and its Origin when present,
// is loopback or listed in ALLOWED_HOSTS.

import { jsonRpcError } from './json-rpc-error.ts'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** Returns a 403 response for a request from a host that is not allowed, otherwise undefined. */
export function checkOrigin(request: Request, allowedHosts: string | undefined): Response | undefined {
  const allowed = new Set([
    ...LOOPBACK,
    ...(allowedHosts ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  ])
  const host = hostnameOf(request.headers.get('host'))
  if (!host || !allowed.has(host)) return forbidden(`Host "${request.headers.get('host')}" is not allowed. Add it to ALLOWED_HOSTS in wrangler.jsonc vars.`)
  const origin = request.headers.get('origin')
  if (origin) {
    let originHost: string | undefined
    try {
      originHost = new URL(origin).hostname.toLowerCase()
    } catch {
      originHost = undefined
    }
    if (!originHost || !allowed.has(originHost)) return forbidden(`Origin "${origin}" is not allowed. Add its host to ALLOWED_HOSTS in wrangler.jsonc vars.`)
  }
  return undefined
}

function hostnameOf(header: string | null): string | undefined {
  if (!header) return undefined
  try {
    return new URL(`http://${header}`).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

const forbidden = (message: string) => jsonRpcError(403, message)
