// The Wilson score interval: an honest range for a rate measured on a small sample
// (DOMAIN.md §4: tens of sends a month).

/** z for a two-sided 95% interval. */
const z95 = 1.959963984540054

/** The 95% Wilson interval of `successes` out of `trials`; [0, 1] when there are no trials. */
export function wilson(successes: number, trials: number, z = z95): { low: number; high: number } {
  if (trials <= 0) return { low: 0, high: 1 }
  const p = Math.min(1, Math.max(0, successes / trials))
  const z2 = z * z
  const denominator = 1 + z2 / trials
  const centre = (p + z2 / (2 * trials)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  // At p = 0 or 1 one bound is exactly 0 or 1; floating point would miss it by an ulp.
  return {
    low: p === 0 ? 0 : Math.max(0, centre - half),
    high: p === 1 ? 1 : Math.min(1, centre + half),
  }
}
