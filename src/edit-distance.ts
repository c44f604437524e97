// Levenshtein distance, for "did you mean" suggestions on field and operation names.

/** The number of single-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length] as number
}

/** Up to `max` of `known` closest to `name`: within a quarter of its length (at least 2) or sharing its start. */
export function closestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase()
  const limit = Math.max(2, Math.floor(name.length / 4))
  const scored: { name: string; score: number }[] = []
  for (const k of known) {
    const other = k.toLowerCase()
    const prefix = lower.length >= 4 && (other.startsWith(lower) || lower.startsWith(other))
    // The distance is at least the difference in length: past the limit, only a prefix counts (and scores the limit).
    if (Math.abs(lower.length - other.length) > limit) {
      if (prefix) scored.push({ name: k, score: limit })
      continue
    }
    const d = editDistance(lower, other)
    if (d <= limit || prefix) scored.push({ name: k, score: prefix ? Math.min(d, limit) : d })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name)
}
