import { describe, expect, it } from "vitest";
import { formatGcReport } from "./gc.ts";

describe("formatGcReport", () => {
  it("lists what went and what stayed", () => {
    const text = formatGcReport({ removedContainers: ["abcdef0123456789"], removedImages: ["sha256:0123456789abcdef"], failed: [{ id: "sha256:ffff", reason: "in use" }] }, false);
    expect(text).toBe("removed container abcdef012345\nremoved image 0123456789ab\nkept ffff: in use\nremoved 1 container(s) and 1 image(s); 1 could not be removed\n");
  });

  it("says 'would' on a dry run", () => {
    expect(formatGcReport({ removedContainers: [], removedImages: [], failed: [] }, true)).toBe("would remove 0 container(s) and 0 image(s)\n");
  });
});
