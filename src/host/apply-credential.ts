// Puts a credential where its security scheme says, and lists every form of it that can reach the wire, so the
// host can scrub each from what comes back. Runs on the host only.
import type { SecuritySchemeSpec } from '../artifacts.ts'

/** Mutates the request in place. */
export function applyCredential(scheme: SecuritySchemeSpec, secret: string, url: URL, headers: Headers): void {
  if (scheme.type === 'apiKey' && scheme.paramName) {
    if (scheme.in === 'query') url.searchParams.set(scheme.paramName, secret)
    else if (scheme.in === 'cookie') headers.append('cookie', `${scheme.paramName}=${encodeURIComponent(secret)}`)
    else headers.set(scheme.paramName, secret)
    return
  }
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    headers.set('authorization', `Basic ${base64(secret)}`)
    return
  }
  headers.set('authorization', `Bearer ${secret}`)
}

/**
 * The secret as sent and as an upstream may echo it: raw, percent-encoded once or twice, form-encoded,
 * JSON-escaped, and for basic auth the base64 of `user:password` and the password alone.
 */
export function credentialForms(scheme: SecuritySchemeSpec, secret: string): string[] {
  const values = [secret]
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    values.push(base64(secret))
    const password = secret.slice(secret.indexOf(':') + 1)
    if (secret.includes(':') && password) values.push(password)
  }
  const forms = values.flatMap((v) => [
    v,
    encodeURIComponent(v),
    encodeURIComponent(encodeURIComponent(v)),
    new URLSearchParams({ v }).toString().slice(2),
    JSON.stringify(v).slice(1, -1),
  ])
  return [...new Set(forms)].filter(Boolean)
}

/** btoa over UTF-8 bytes, so a secret outside Latin-1 does not throw. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
}
