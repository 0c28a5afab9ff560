import { groupBy, keyBy } from "lodash";
import { logger } from "./logger";
import { Money, money } from "./money";

export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly category: "tea" | "coffee" | "accessory";
  readonly price: Money;
}

const products: Product[] = [
  { sku: "TEA-001", name: "Sencha", category: "tea", price: money(12.5) },
  { sku: "TEA-002", name: "Assam", category: "tea", price: money(9.9) },
  { sku: "COF-001", name: "Yirgacheffe", category: "coffee", price: money(16) },
  { sku: "ACC-001", name: "Kettle", category: "accessory", price: money(49) },
];

const bySku = keyBy(products, "sku");

export function findProduct(sku: string): Product | undefined {
  const product = bySku[sku];
  if (!product) console.warn("unknown sku requested", sku);
  return product;
}

export function categories(): Record<string, Product[]> {
  logger.info("listing categories");
  return groupBy(products, "category");
}

export function allProducts(): readonly Product[] {
  return products;
}
