// The request slots the host fills and the model may not: every header, query parameter and cookie a security
// scheme of the API puts a credential in, plus the headers that frame the request itself.
import type { SecuritySchemeSpec } from '../artifacts.ts'

/** Lower-case names per location. */
export interface OwnedSlots {
  header: Set<string>
  query: Set<string>
  cookie: Set<string>
}

const FRAMING = ['authorization', 'proxy-authorization', 'cookie', 'host', 'content-length', 'transfer-encoding', 'connection']

const cache = new WeakMap<SecuritySchemeSpec[], OwnedSlots>()

export function hostOwnedSlots(schemes: SecuritySchemeSpec[]): OwnedSlots {
  let slots = cache.get(schemes)
  if (!slots) {
    slots = { header: new Set(FRAMING), query: new Set(), cookie: new Set() }
    for (const s of schemes) {
      if (s.type === 'apiKey' && s.paramName) slots[s.in ?? 'header'].add(s.paramName.toLowerCase())
    }
    cache.set(schemes, slots)
  }
  return slots
}

/** Why the model may not set `name` in `where`. */
export const ownedSlotError = (where: 'header' | 'query parameter' | 'cookie', name: string) =>
  `${name} is a ${where} the host sets itself (it carries the credential, or frames the request); leave it out, the host adds what the operation needs`

/**
 * A typed call's input key that names no parameter of the operation but a slot the host owns: codegen left the
 * spec's credential parameters out of the inputs, so without this the model would read "unknown field".
 */
export function ownedInputKey(input: unknown, declared: Record<string, unknown>, owned: OwnedSlots): string | undefined {
  if (!input || typeof input !== 'object') return undefined
  for (const key of Object.keys(input)) {
    if (Object.hasOwn(declared, key)) continue
    const lower = key.toLowerCase()
    if (owned.header.has(lower)) return ownedSlotError('header', key)
    if (owned.query.has(lower)) return ownedSlotError('query parameter', key)
    if (owned.cookie.has(lower)) return ownedSlotError('cookie', key)
  }
  return undefined
}
