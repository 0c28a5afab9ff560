import dayjs from "dayjs";
import { sortBy, sumBy } from "lodash";
import { logger } from "./logger";
import { format } from "./money";
import type { Order } from "./orders";

/** The day's summary as the operations team reads it (plain text, one order per line). */
export function dailyReport(orders: readonly Order[], day: string): string {
  const placed = sortBy(
    orders.filter((order) => order.status === "placed"),
    (order) => order.id,
  );
  const revenue = sumBy(placed, (order) => order.total.cents);
  const lines = placed.map((order) => `  ${order.id}  ${format(order.total)}`);
  console.log(`Report for ${dayjs(day).format("YYYY-MM-DD")}:
  ${placed.length} order(s) placed,
  ${orders.length - placed.length} cancelled.`);
  return [`Orders on ${day}`, ...lines, `Revenue: ${format({ cents: revenue, currency: "EUR" })}`].join("\n");
}
