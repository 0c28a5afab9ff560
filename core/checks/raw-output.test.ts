import { describe, expect, it } from "vitest";
import { capText } from "./raw-output.ts";

describe("capText", () => {
  it("keeps short text and cuts the middle of long text", () => {
    expect(capText("short", 100)).toEqual({ text: "short", truncated: false });
    const capped = capText(`${"a".repeat(100)}${"b".repeat(100)}`, 20);
    expect(capped).toEqual({ text: `${"a".repeat(10)}\n[… 180 bytes dropped …]\n${"b".repeat(10)}`, truncated: true });
  });
});
