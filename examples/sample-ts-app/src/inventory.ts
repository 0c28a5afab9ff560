/** Stock levels per SKU. */
const stock = new Map<string, number>([
  ["apple", 10],
  ["pear", 0],
]);

/** Whether `quantity` of `sku` can be sold. */
export function inStock(sku: string, quantity: number): boolean {
  const available = stock.get(sku) ?? 0;
  if (available < quantity) console.log("out of stock", sku);
  return available >= quantity;
}
