// Cuts a JSON value down to a character budget while keeping it valid JSON: long arrays keep their first items,
// long strings keep their start, deep objects keep their shallow keys. Reports each cut by its path.

export interface TruncateResult {
  value: unknown
  cut: string[]
}

/** Returns the value unchanged when it fits. */
export function truncateJson(value: unknown, maxChars: number): TruncateResult {
  if (JSON.stringify(value ?? null).length <= maxChars) return { value, cut: [] }
  const cut: string[] = []
  // Shrink the per-array and per-string allowances until the whole fits.
  for (let items = 50, chars = 2000; items >= 1; items = Math.floor(items / 2), chars = Math.max(40, Math.floor(chars / 2))) {
    cut.length = 0
    const shrunk = shrink(value, '$', items, chars, 0, cut)
    if (JSON.stringify(shrunk ?? null).length <= maxChars) return { value: shrunk, cut: summarize(cut) }
  }
  const text = JSON.stringify(value ?? null)
  return { value: `${text.slice(0, Math.max(0, maxChars - 40))}…`, cut: [`the whole result (${text.length} characters)`] }
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
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = shrink(x, `${path}.${k}`, items, chars, depth + 1, cut)
    return out
  }
  return v
}

function summarize(cut: string[]): string[] {
  if (cut.length <= 5) return cut
  return [...cut.slice(0, 5), `and ${cut.length - 5} more`]
}
