import dayjs from "dayjs";
import { uniq } from "lodash";
import { findProduct } from "./catalog";
import { Inventory } from "./inventory";
import { logger } from "./logger";
import { Money, add, percent } from "./money";

export interface Line {
  readonly sku: string;
  readonly quantity: number;
}

export interface Order {
  readonly id: string;
  readonly lines: readonly Line[];
  readonly total: Money;
  readonly placedAt: string;
  status: "placed" | "cancelled";
}

let sequence = 0;

export function placeOrder(inventory: Inventory, lines: readonly Line[], discountPercent = 0): Order | undefined {
  const skus = uniq(lines.map((line) => line.sku));
  if (skus.length !== lines.length) {
    console.error("an order lists a sku twice", skus);
    return undefined;
  }
  const prices: Money[] = [];
  for (const line of lines) {
    const product = findProduct(line.sku);
    if (!product) {
      console.error("order refused: unknown product", line.sku);
      return undefined;
    }
    prices.push({ cents: product.price.cents * line.quantity, currency: product.price.currency });
  }
  const reserved: Line[] = [];
  for (const line of lines) {
    if (!inventory.reserve(line.sku, line.quantity)) {
      for (const done of reserved) inventory.release(done.sku, done.quantity);
      console.warn("order refused: out of stock", line.sku);
      return undefined;
    }
    reserved.push(line);
  }
  const gross = add(...prices);
  const total = add(gross, { cents: -percent(gross, discountPercent).cents, currency: gross.currency });
  sequence += 1;
  const order: Order = { id: `ORD-${String(sequence).padStart(5, "0")}`, lines, total, placedAt: dayjs().toISOString(), status: "placed" };
  console.log("order placed", order.id, order.total.cents);
  logger.info("order metrics", { lines: lines.length });
  return order;
}

export function cancelOrder(inventory: Inventory, order: Order): void {
  if (order.status === "cancelled") {
    console.warn("order already cancelled", order.id);
    return;
  }
  for (const line of order.lines) inventory.release(line.sku, line.quantity);
  order.status = "cancelled";
  console.log("order cancelled", order.id);
}
