import { describe, expect, it } from "vitest";
import { formatHash, parseLocation } from "./location-state.ts";

describe("location state", () => {
  it("reads the demo flag from the query and the session and node from the hash", () => {
    expect(parseLocation("?token=abc&demo=1", "#session=s-1&node=n-2")).toEqual({ demo: true, session: "s-1", node: "n-2" });
    expect(parseLocation("", "")).toEqual({ demo: false });
    expect(parseLocation("?demo=0", "#node=n-2")).toEqual({ demo: false });
  });

  it("round-trips what it writes", () => {
    const hash = formatHash({ session: "a b&c", node: "n/1", compare: "n2" });
    expect(parseLocation("", hash)).toEqual({ demo: false, session: "a b&c", node: "n/1", compare: "n2" });
    expect(formatHash({ session: "s", compare: "n2" })).toBe("#session=s");
    expect(formatHash({})).toBe("");
  });
});
