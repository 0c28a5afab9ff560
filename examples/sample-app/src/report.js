// Formats an inventory report.
import { logger } from "./logger.js";

export function report(inventory) {
  logger.info("report requested", { skus: inventory.items.size });
  const lines = [...inventory.items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([sku, n]) => `${sku}: ${n}`);
  console.log("report lines", lines.length);
  return lines.join("\n");
}
