import { describe, expect, it } from "vitest";
import { globRegex, pathFilter } from "./file-globs.ts";

describe("files / ignores globs (ast-grep's globset rules)", () => {
  it("lets * and ? cross /, ** span segments, and reads classes, alternatives and escapes", () => {
    const matches = (glob: string, path: string) => globRegex(glob).test(path);
    expect(matches("*.test.ts", "src/deep/a.test.ts")).toBe(true); // separators are not literal
    expect(matches("src/**/*.ts", "src/a.ts")).toBe(true);
    expect(matches("src/**/*.ts", "src/a/b/c.ts")).toBe(true);
    expect(matches("src/**/*.ts", "lib/a.ts")).toBe(false);
    expect(matches("**/__tests__/**", "src/x/__tests__/a.ts")).toBe(true);
    expect(matches("src/{api,cli}/*.ts", "src/cli/main.ts")).toBe(true);
    expect(matches("src/{api,cli}/*.ts", "src/web/main.ts")).toBe(false);
    expect(matches("file[0-9].ts", "file7.ts")).toBe(true);
    expect(matches("file[!0-9].ts", "file7.ts")).toBe(false);
    expect(matches("a\\*.ts", "a*.ts")).toBe(true);
    expect(matches("a\\*.ts", "ab.ts")).toBe(false);
    expect(matches("./src/*.ts", "src/a.ts")).toBe(true);
    expect(globRegex({ glob: "SRC/*.TS", caseInsensitive: true }).test("src/a.ts")).toBe(true);
    expect(globRegex("SRC/*.TS").test("src/a.ts")).toBe(false);
  });

  it("applies ignores first, then files when given", () => {
    const filter = pathFilter(["src/**"], ["**/*.test.ts", "src/generated/**"]);
    expect(filter("src/a.ts")).toBe(true);
    expect(filter("src/a.test.ts")).toBe(false);
    expect(filter("src/generated/x.ts")).toBe(false);
    expect(filter("scripts/a.ts")).toBe(false);
    expect(pathFilter(undefined, undefined)("anything.ts")).toBe(true);
    expect(pathFilter(undefined, ["test/**"])("test/a.ts")).toBe(false);
  });

  it("refuses a glob it cannot read", () => {
    expect(() => globRegex("src/{a,b")).toThrow(/unclosed \{/);
    expect(() => globRegex("src/[ab")).toThrow(/unclosed \[/);
  });
});
