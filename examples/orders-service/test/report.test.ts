import { describe, expect, it } from "vitest";
import { Inventory } from "../src/inventory";
import { placeOrder } from "../src/orders";
import { dailyReport } from "../src/report";

describe("daily report", () => {
  it("lists placed orders sorted, with the revenue", () => {
    const inventory = new Inventory({ "TEA-001": 10, "ACC-001": 1 });
    const orders = [placeOrder(inventory, [{ sku: "ACC-001", quantity: 1 }])!, placeOrder(inventory, [{ sku: "TEA-001", quantity: 2 }])!];
    const text = dailyReport(orders, "2024-05-01");
    expect(text.split("\n")).toHaveLength(4);
    expect(text).toMatch(/^Orders on 2024-05-01\n {2}ORD-\d{5} {2}€49\.00\n {2}ORD-\d{5} {2}€25\.00\nRevenue: €74\.00$/);
  });
});
