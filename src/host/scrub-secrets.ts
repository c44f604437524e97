// Removes every form of every credential the host holds from what goes back to the sandbox: an upstream that
// echoes request headers, or a redirect that carries a query credential, must not hand a secret to the model.

export const REDACTED = '[redacted]'

export interface Scrubber {
  text(text: string): string
  /** Scrubs strings and keys throughout a parsed JSON value, in place, without recursion (depth is the upstream's). */
  value<T>(value: T): T
}

/** `forms` are literal strings; each is matched case-insensitively, the longest first. */
export function createScrubber(forms: string[]): Scrubber {
  const unique = [...new Set(forms.filter(Boolean))].sort((a, b) => b.length - a.length)
  if (unique.length === 0) return { text: (t) => t, value: (v) => v }
  const pattern = new RegExp(unique.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
  const text = (t: string) => t.replace(pattern, REDACTED)
  const value = <T>(root: T): T => {
    if (typeof root === 'string') return text(root) as T
    const stack: unknown[] = [root]
    while (stack.length) {
      const node = stack.pop()
      if (!node || typeof node !== 'object') continue
      const record = node as Record<string, unknown>
      for (const key of Object.keys(record)) {
        const child = record[key]
        const clean = typeof child === 'string' ? text(child) : child
        const cleanKey = Array.isArray(node) ? key : text(key)
        if (cleanKey !== key) delete record[key]
        record[cleanKey] = clean
        if (clean && typeof clean === 'object') stack.push(clean)
      }
    }
    return root
  }
  return { text, value }
}
