import { describe, expect, it } from "vitest";
import { costOf, priceOf } from "./price-table.ts";

describe("price table", () => {
  it("prices dated model ids by their longest known prefix", () => {
    expect(priceOf("gpt-4o-2024-08-06")?.input).toBe(2.5);
    expect(priceOf("gpt-4o-mini-2024-07-18")?.input).toBe(0.15);
    expect(priceOf("gpt-4oxyz")).toBeUndefined();
  });

  it("charges cached prompt tokens at the cached rate", () => {
    // gpt-4.1-mini: 0.40 in, 0.10 cached, 1.60 out per 1M.
    const cost = costOf("gpt-4.1-mini", { input: 1_000_000, cached: 500_000, output: 1_000_000 });
    expect(cost.priced).toBe(true);
    expect(cost.usd).toBeCloseTo(0.2 + 0.05 + 1.6, 10);
  });

  it("costs unknown models 0 and marks them unpriced", () => {
    expect(costOf("qwen2.5-coder:7b", { input: 10_000, cached: 0, output: 500 })).toEqual({ usd: 0, priced: false });
  });
});
