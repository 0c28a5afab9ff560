import { describe, expect, it } from "vitest";
import { formatAge, formatBytes, formatCount, formatDuration, formatUsd } from "./format.ts";

describe("formatters", () => {
  it("say sizes, counts, money and durations the short way", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(5 * 1024 ** 3)]).toEqual(["512 B", "1.5 KB", "5.0 GB"]);
    expect([formatCount(999), formatCount(12_345), formatCount(2_500_000)]).toEqual(["999", "12.3k", "2.5M"]);
    expect([formatUsd(0), formatUsd(0.0042), formatUsd(3.5)]).toEqual(["$0.00", "$0.0042", "$3.50"]);
    expect([formatDuration(800), formatDuration(45_000), formatDuration(95_000), formatDuration(3_900_000)]).toEqual(["800 ms", "45s", "1m 35s", "1h 5m"]);
    expect(formatAge(1000, 61_000)).toBe("1m 0s ago");
  });
});
