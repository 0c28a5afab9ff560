import { describe, expect, it } from "vitest";
import { isElisionMarker, isPlaceholderLine } from "./placeholder-line.ts";

describe("placeholder and elision lines", () => {
  it.each([
    "// ... rest of code",
    "# existing code",
    "// ... existing code ...",
    "/* ... */",
    "// rest of the function unchanged",
    "...",
    "// existing code here",
    "// rest of the file stays the same",
    "// ... (unchanged)",
    "// Rest of implementation...",
    "// other methods",
    "// keep existing code",
    "// code unchanged",
    "// same as before",
    "{/* ... */}",
    "<!-- ... -->",
  ])("%s stands for code", (line) => {
    expect(isPlaceholderLine(line)).toBe(true);
  });

  it.each([
    "/** Permission bits; default: keep the existing file's mode */",
    "// the rest of this loop handles errors",
    "// existing code paths rely on this",
    "// Loading...",
    "// wait...",
    "const x = 1; // rest of code",
    "// TODO: handle the remaining cases",
    " * the rest of the docs",
    "return [...items];",
    " *     ...overrideOptions,",
    " * ...props.rest)",
  ])("%s is code or a real comment", (line) => {
    expect(isPlaceholderLine(line)).toBe(false);
  });

  it("takes only ellipsis forms as elision markers between SEARCH pieces", () => {
    expect(isElisionMarker("  // ...")).toBe(true);
    expect(isElisionMarker("# ... existing code ...")).toBe(true);
    expect(isElisionMarker("// rest of the function unchanged")).toBe(false);
    expect(isElisionMarker("// wait...")).toBe(false);
  });
});
