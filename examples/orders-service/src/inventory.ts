import { logger } from "./logger";

export class Inventory {
  private readonly stock = new Map<string, number>();

  constructor(initial: Record<string, number> = {}) {
    for (const [sku, count] of Object.entries(initial)) this.stock.set(sku, count);
    logger.info("inventory loaded", this.stock.size);
  }

  available(sku: string): number {
    return this.stock.get(sku) ?? 0;
  }

  reserve(sku: string, quantity: number): boolean {
    const left = this.available(sku);
    if (quantity <= 0) {
      console.warn("ignoring a reservation of", quantity, "for", sku);
      return false;
    }
    if (quantity > left) {
      console.warn(
        "not enough stock",
        { sku, wanted: quantity, left },
      );
      return false;
    }
    this.stock.set(sku, left - quantity);
    console.log("reserved", sku, quantity);
    return true;
  }

  release(sku: string, quantity: number): void {
    this.stock.set(sku, this.available(sku) + quantity);
    console.log("released", sku, quantity);
  }
}
