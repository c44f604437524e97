// Words for an operation's security requirements, shared by search (which shows auth only where it is unusual)
// and the host's explanation of a 401 or 403.
import type { ApiMeta, OperationSpec } from './artifacts.ts'

/** `[["api_token"], ["api_email", "api_key"]]` -> "api_token, or api_email + api_key"; `[]` or `[[]]` -> "none". */
export function formatRequirements(requirements: string[][]): string {
  const named = requirements.filter((r) => r.length > 0)
  // Alternatives that differ only in their scopes read the same.
  const parts = [...new Set(named.map((r) => r.join(' + ')))]
  if (named.length < requirements.length) parts.push('none')
  return parts.join(', or ') || 'none'
}

/** The operation's auth when it differs from the API's usual scheme ("auth: api_email + api_key", "auth: none"). */
export function unusualAuth(op: OperationSpec, meta: ApiMeta): string | undefined {
  if (!op.security) return undefined
  if (meta.defaultScheme && op.security.some((r) => r.length === 1 && r[0] === meta.defaultScheme)) return undefined
  return `auth: ${formatRequirements(op.security)}`
}
