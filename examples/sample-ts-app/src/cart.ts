/** A shopping cart: items, totals and discounts (in cents). */
export interface Item {
  readonly sku: string;
  readonly priceCents: number;
  readonly quantity: number;
}

/** Adds an item, merging quantities of the same SKU. */
export function addItem(cart: readonly Item[], item: Item): Item[] {
  console.log("adding item", item.sku, item.quantity);
  const existing = cart.find((entry) => entry.sku === item.sku);
  if (!existing) return [...cart, item];
  return cart.map((entry) => (entry.sku === item.sku ? { ...entry, quantity: entry.quantity + item.quantity } : entry));
}

/** The cart's total in cents. */
export function total(cart: readonly Item[]): number {
  return cart.reduce((sum, item) => sum + item.priceCents * item.quantity, 0);
}

/** Applies a percentage discount, never below zero. */
export function applyDiscount(totalCents: number, percent: number): number {
  if (percent < 0 || percent > 100) {
    console.warn("discount out of range", percent);
    return totalCents;
  }
  return Math.max(0, Math.round(totalCents * (1 - percent / 100)));
}
