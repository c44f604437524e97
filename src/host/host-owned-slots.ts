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
