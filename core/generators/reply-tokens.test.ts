import { describe, expect, it } from "vitest";
import { applyEditText } from "../edits/index.ts";
import { approximateTokenCount, compareReplyTokens, editBlocksForChanges, wholeFileReplyFor } from "./reply-tokens.ts";
import { correctReply, migratedOrders, orderFiles } from "./testing/order-fixture.ts";

/** A 300-line module with two call sites to change, far apart. */
function bigModule(call: string): string {
  const lines: string[] = ['import { db } from "./db.ts";', ""];
  for (let i = 0; i < 60; i++) {
    lines.push(`export function handler${i}(id: string): string {`, i === 10 || i === 50 ? `  ${call}("handler ${i}", id);` : `  db.insert(id + "${i}");`, "  return id;", "}", "");
  }
  return lines.join("\n");
}

describe("compareReplyTokens", () => {
  it("writes edit blocks that core/edits applies back to exactly the same change", () => {
    const before = { "src/big.ts": bigModule("console.log") };
    const changes = { "src/big.ts": bigModule("logger.info") };
    const reply = editBlocksForChanges(before, changes);
    expect(reply.match(/<<<<<<< SEARCH/g)).toHaveLength(2);
    const applied = applyEditText(before, reply);
    expect(applied.kind === "applied" && applied.changes).toEqual(changes);
  });

  it("measures the edit-block reply as a small fraction of the whole-file rewrite for a sparse change", () => {
    const before = { "src/big.ts": bigModule("console.log") };
    const changes = { "src/big.ts": bigModule("logger.info") };
    const result = compareReplyTokens(before, changes);
    expect(result.wholeFileTokens).toBe(approximateTokenCount(wholeFileReplyFor(changes)));
    expect(result.wholeFileTokens).toBeGreaterThan(result.editBlockTokens * 10);
    expect(result.ratio).toBeCloseTo(result.editBlockTokens / result.wholeFileTokens, 12);
  });

  it("measures a model's actual reply when given, with any token counter", () => {
    const changes = { "src/orders.ts": migratedOrders };
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const result = compareReplyTokens(orderFiles, changes, { editReply: correctReply, count: words });
    expect(result.editReply).toBe(correctReply);
    expect(result.editBlockTokens).toBe(words(correctReply));
    expect(result.wholeFileTokens).toBe(words(wholeFileReplyFor(changes)));
  });

  it("leaves deletions out and counts nothing for no change", () => {
    expect(compareReplyTokens(orderFiles, { "src/db.ts": null })).toMatchObject({ editBlockTokens: 0, wholeFileTokens: 0, ratio: 0 });
  });
});
