import { describe, expect, it } from "vitest";
import { relativeSandboxPath } from "./sandbox-path.ts";

describe("relativeSandboxPath", () => {
  it("normalises paths inside the workdir", () => {
    expect(relativeSandboxPath("src/./a.js")).toBe("src/a.js");
    expect(relativeSandboxPath("src/x/../a.js")).toBe("src/a.js");
  });

  it("rejects paths that leave it", () => {
    for (const bad of ["", "/etc/passwd", "..", "../x", "a/../../x", "."]) {
      expect(() => relativeSandboxPath(bad), bad).toThrow(/not inside the repository/);
    }
  });
});
