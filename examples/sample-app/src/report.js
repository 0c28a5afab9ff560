// Formats an inventory report.
export function report(inventory) {
  const lines = [...inventory.items.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([sku, n]) => `${sku}: ${n}`);
  console.log("report lines", lines.length);
  return lines.join("\n");
}
