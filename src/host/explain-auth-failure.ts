// What a 401 or 403 means for this operation, in words the model can act on: which schemes the operation takes,
// which this server has, what was sent, and which Worker secret the operator can set. The model cannot fix any of
// it by retrying, so the message says so.
import type { OperationSpec } from '../artifacts.ts'
import type { ApiConfig } from '../config.ts'
import { formatRequirements } from '../describe-auth.ts'
import type { CredentialChoice } from './select-credentials.ts'
import { USER_TOKEN } from './user-credentials.ts'

const NO_RETRY = 'Retrying the same call will not help; tell the user what the operator must change.'

/** `configured` lists the schemes of the API that have a credential on this server. */
export function explainAuthFailure(op: OperationSpec, config: ApiConfig, choice: CredentialChoice, configured: string[]): string {
  const sent = choice.sent.map((c) => c.scheme.name)
  const secrets = (names: string[]) => names.map((n) => config.secrets[n]?.[0] ?? n)
  const has = configured.length ? `this server has ${configured.join(', ')}` : 'this server has no credential for this API'
  const requirements = op.security
  if (requirements && (requirements.length === 0 || choice.met?.length === 0))
    return `This operation declares that it needs no authentication, so none was sent, yet the upstream refused it. ${NO_RETRY}`
  if (choice.sent.some((c) => c.secret === USER_TOKEN))
    return `The host sent the token you signed in with, and the API refused it: it may have expired, been revoked, or lack a scope this call needs. Retrying the same call will not help; sign in again (granting the scope, if one is missing).`
  if (choice.met?.length) {
    const what = requirements ? 'the credential this operation asks for' : "the API's usual credential (the spec declares nothing for this operation)"
    return `The host sent ${choice.met.join(' + ')}, ${what}, and the upstream refused it: it may be wrong, expired, or lack the permission or scope for this call. ${NO_RETRY} The operator can check the secret ${secrets(choice.met).join(' and ')}.`
  }
  const instead = sent.length ? `, and sent ${sent.join(' + ')} in its place` : ', so none was sent'
  const missing = (requirements ?? (config.scheme ? [[config.scheme]] : []))
    .filter((r) => r.length > 0)
    .map((r) => secrets(r.filter((n) => !configured.includes(n))).join(' and '))
    .filter(Boolean)
  const set = missing.length ? ` The operator can set ${missing.join(', or ')} (Worker secrets: wrangler secret put, or .dev.vars locally).` : ''
  const accepts = requirements ? `This operation accepts ${formatRequirements(requirements)}; ` : ''
  return `${accepts}${has}${instead}. ${NO_RETRY}${set}`
}

/** Before sending: the operation needs a credential and none of the ones it accepts is configured. */
export function explainMissingCredential(op: OperationSpec, config: ApiConfig): string {
  const requirements = (op.security ?? []).filter((r) => r.length > 0)
  // The API's usual scheme first: it is the one most operators have.
  const ordered = [...requirements].sort((a, b) => Number(b.includes(config.scheme ?? '')) - Number(a.includes(config.scheme ?? '')))
  const sets = ordered.map((r) => r.map((n) => config.secrets[n]?.[0] ?? n).join(' + '))
  const first = config.secrets[ordered[0]?.[0] ?? '']?.[0] ?? 'the secret'
  return (
    `this operation needs a credential (it accepts ${formatRequirements(op.security ?? [])}), and this server has none for this API, so nothing was sent. ` +
    `The operator can set ${sets.join(', or ')}: in .dev.vars for npm start (a line ${first}=…), or with npx wrangler secret put ${first} when deployed. Retrying will not help.`
  )
}
