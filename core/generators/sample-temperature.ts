/** Spreads K samples' temperatures evenly over the range a spec gives, so siblings differ on purpose. */

/**
 * The temperature of sample `sample` (0-based) of `k`: evenly spaced from the lowest to the
 * highest of `temperatures` (one value: all samples use it; none: undefined, the server's default).
 */
export function sampleTemperature(sample: number, k: number, temperatures: readonly number[]): number | undefined {
  if (temperatures.length === 0) return undefined;
  const low = Math.min(...temperatures);
  const high = Math.max(...temperatures);
  if (k <= 1 || low === high) return low;
  return Math.round((low + ((high - low) * sample) / (k - 1)) * 100) / 100;
}
