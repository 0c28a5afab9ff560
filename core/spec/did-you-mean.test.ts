import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "./did-you-mean.ts";

describe("didYouMean", () => {
  const keys = ["name", "command", "parser", "timeoutSec", "mode", "weight"];

  it("finds typos, swaps, case slips and shortened names", () => {
    expect(didYouMean("comand", keys)).toBe("command");
    expect(didYouMean("parsre", keys)).toBe("parser");
    expect(didYouMean("TimeoutSec", keys)).toBe("timeoutSec");
    expect(didYouMean("timeout", keys)).toBe("timeoutSec");
    expect(didYouMean("timout", keys)).toBe("timeoutSec");
    expect(didYouMean("serach", ["search", "sandbox"])).toBe("search");
    expect(didYouMean("temperatures", ["temperature", "model"])).toBe("temperature");
  });

  it("suggests nothing when nothing is close", () => {
    expect(didYouMean("zzz", keys)).toBeUndefined();
    expect(didYouMean("image", keys)).toBeUndefined();
    expect(didYouMean("md", keys)).toBeUndefined();
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});
