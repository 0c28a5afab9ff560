// A tiny inventory: the sample repository Forklift migrates in its demo and tests.
// Half-migrated, as real code bases are: the logger is imported and used in one place already.
import { logger } from "./logger.js";

export class Inventory {
  constructor() {
    this.items = new Map();
    logger.info("inventory created");
  }

  add(sku, quantity) {
    if (quantity <= 0) {
      console.warn("ignoring non-positive quantity", sku, quantity);
      return this.count(sku);
    }
    const next = this.count(sku) + quantity;
    this.items.set(sku, next);
    console.log("added", sku, quantity);
    return next;
  }

  remove(sku, quantity) {
    const current = this.count(sku);
    if (quantity > current) {
      console.error("not enough stock", sku);
      throw new Error(`not enough ${sku}: have ${current}, asked ${quantity}`);
    }
    this.items.set(sku, current - quantity);
    return current - quantity;
  }

  count(sku) {
    return this.items.get(sku) ?? 0;
  }
}
