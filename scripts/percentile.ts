// Nearest-rank statistics for the benchmarks: one definition, so every results table means the same thing.

/** The p-th percentile (0–100) of a list of numbers, by nearest rank; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** The median, by nearest rank (the lower middle of an even count). */
export const median = (values: number[]): number => percentile(values, 50)
