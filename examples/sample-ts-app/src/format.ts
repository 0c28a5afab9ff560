/** Formatting of prices for receipts. */

/** Formats cents as a price, e.g. 1234 → "$12.34". */
export function formatPrice(cents: number): string {
  if (!Number.isFinite(cents)) {
    console.error("not a price", cents);
    return "$?";
  }
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Rounds a fractional amount of cents to whole cents. */
export function roundCents(cents: number): number {
  return Math.round(cents);
}
