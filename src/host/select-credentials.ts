// Chooses, per operation, which credentials go on the request, with OpenAPI Security Requirement semantics:
// alternatives are ORed, the schemes inside one are ANDed, `[]` needs none, and an operation without its own
// `security` has inherited the top-level one at codegen.
import type { OperationSpec, SecuritySchemeSpec } from '../artifacts.ts'

export interface Credential {
  scheme: SecuritySchemeSpec
  value: string
  /** The Worker secret it came from, for messages to the operator. */
  secret: string
}

/** A scheme's credential when one is configured. */
export type FindCredential = (scheme: SecuritySchemeSpec) => Credential | undefined

export interface CredentialChoice {
  sent: Credential[]
  /** The requirement met in full (`[]`: none needed); undefined when none could be, and `sent` is a best effort. */
  met?: string[]
}

/**
 * The first requirement every credential of which is configured; an empty (optional-auth) requirement only when no
 * other can be met. Otherwise the API's usual credential, or else whichever declared ones are configured: specs are
 * often incomplete, and real APIs accept more than they declare.
 */
export function selectCredentials(op: OperationSpec, schemes: SecuritySchemeSpec[], usual: string | undefined, find: FindCredential): CredentialChoice {
  const byName = new Map(schemes.map((s) => [s.name, s]))
  const lookup = (name: string) => {
    const scheme = byName.get(name)
    return scheme && scheme.type !== 'mutualTLS' ? find(scheme) : undefined
  }
  const usualCredential = usual === undefined ? undefined : lookup(usual)
  const requirements = op.security
  if (!requirements) return usualCredential ? { sent: [usualCredential], met: [usualCredential.scheme.name] } : { sent: [] }
  for (const requirement of requirements) {
    if (requirement.length === 0) continue
    const credentials = requirement.map(lookup)
    if (credentials.every((c) => c !== undefined)) return { sent: credentials as Credential[], met: requirement }
  }
  if (requirements.length === 0 || requirements.some((r) => r.length === 0)) return { sent: [], met: [] }
  if (usualCredential) return { sent: [usualCredential] }
  const declared = [...new Set(requirements.flat())]
  return { sent: declared.map(lookup).filter((c): c is Credential => c !== undefined) }
}
