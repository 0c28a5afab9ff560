import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.ts";

describe("backoffDelay", () => {
  it("doubles from the base and stops at the cap", () => {
    const exact = { jitter: 0 };
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, exact))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelay(30, exact)).toBe(10_000);
  });

  it("takes at most the jitter share away, never adds", () => {
    expect(backoffDelay(2, { jitter: 0.5, random: () => 1 })).toBe(500);
    expect(backoffDelay(2, { jitter: 0.5, random: () => 0 })).toBe(1000);
  });
});
