/**
 * Prints one headline figure in the form every benchmark ends with:
 * `BENCH {"metric": "fork_p50_ms", "value": 312, "unit": "ms"}`. The value is rounded to
 * `digits` decimals (default 3) so noise does not read as precision.
 */
export function printBench(metric: string, value: number, unit: string, digits = 3): void {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
  console.log(`BENCH {"metric": ${JSON.stringify(metric)}, "value": ${rounded}, "unit": ${JSON.stringify(unit)}}`);
}
