// Adds the operator's credential to a request, as the API's security scheme says. Runs on the host only.
import type { SecuritySchemeSpec } from '../artifacts.ts'

/** Mutates the request in place. A missing credential sends the request without one; the upstream decides. */
export function applyCredential(scheme: SecuritySchemeSpec | undefined, secret: string | undefined, url: URL, headers: Headers): void {
  if (!scheme || !secret) return
  if (scheme.type === 'apiKey' && scheme.paramName) {
    if (scheme.in === 'query') url.searchParams.set(scheme.paramName, secret)
    else if (scheme.in === 'cookie') headers.append('cookie', `${scheme.paramName}=${encodeURIComponent(secret)}`)
    else headers.set(scheme.paramName, secret)
    return
  }
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    headers.set('authorization', `Basic ${btoa(secret)}`)
    return
  }
  headers.set('authorization', `Bearer ${secret}`)
}
