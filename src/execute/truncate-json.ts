// Cuts a JSON value down to a character budget while keeping it valid JSON: long arrays keep their first items,
// wide objects their first keys, long strings their start, deep objects their shallow keys. Reports each cut by its
// path.

export interface TruncateResult {
  value: unknown
  cut: string[]
}

// An object may keep this many times as many keys as an array keeps items: records with a few dozen fields stay
// whole until arrays are down to a handful of items, while a map of thousands of ids is cut with the arrays.
const KEYS_PER_ITEM = 4

/** Returns the value unchanged when it fits; otherwise a value whose JSON text is at most `maxChars` long. */
export function truncateJson(value: unknown, maxChars: number): TruncateResult {
  const text = JSON.stringify(value ?? null)
  if (text.length <= maxChars) return { value, cut: [] }
  const cut: string[] = []
  // Shrink the per-array, per-object and per-string allowances until the whole fits.
  for (let items = 50, chars = 2000; items >= 1; items = Math.floor(items / 2), chars = Math.max(40, Math.floor(chars / 2))) {
    cut.length = 0
    const shrunk = shrink(value, '$', items, chars, 0, cut)
    if (JSON.stringify(shrunk ?? null).length <= maxChars) return { value: shrunk, cut: summarize(cut) }
  }
  return { value: cutText(text, maxChars), cut: [`the whole result (${text.length} characters)`] }
}

/** The longest start of `text` whose JSON string, escapes and quotes included, is at most `maxChars` long. */
function cutText(text: string, maxChars: number): string {
  const fits = (keep: number) => JSON.stringify(`${text.slice(0, keep)}…`).length <= maxChars
  let [low, high] = [0, Math.min(text.length, Math.max(0, maxChars - 3))]
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (fits(mid)) low = mid
    else high = mid - 1
  }
  return `${text.slice(0, low)}…`
}

function shrink(v: unknown, path: string, items: number, chars: number, depth: number, cut: string[]): unknown {
  if (typeof v === 'string') {
    if (v.length <= chars) return v
    cut.push(`${path} (string of ${v.length} chars)`)
    return `${v.slice(0, chars)}…`
  }
  if (Array.isArray(v)) {
    if (v.length > items) cut.push(`${path} (kept ${items} of ${v.length} items)`)
    return v.slice(0, items).map((x, i) => shrink(x, `${path}[${i}]`, items, chars, depth + 1, cut))
  }
  if (v && typeof v === 'object') {
    if (depth > 8) {
      cut.push(`${path} (nested too deep)`)
      return '[…]'
    }
    const entries = Object.entries(v)
    const keys = items * KEYS_PER_ITEM
    if (entries.length > keys) cut.push(`${path} (kept ${keys} of ${entries.length} keys)`)
    const out: Record<string, unknown> = {}
    for (const [k, x] of entries.slice(0, keys)) out[k] = shrink(x, `${path}.${k}`, items, chars, depth + 1, cut)
    return out
  }
  return v
}

function summarize(cut: string[]): string[] {
  if (cut.length <= 5) return cut
  return [...cut.slice(0, 5), `and ${cut.length - 5} more`]
}
