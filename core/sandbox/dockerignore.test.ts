import { describe, expect, it } from "vitest";
import { parseDockerIgnore } from "./dockerignore.ts";

describe("parseDockerIgnore (Docker's .dockerignore rules)", () => {
  it("keeps * and ? inside one segment, lets ** span segments, and ignores comments and a leading /", () => {
    const ignore = parseDockerIgnore("# comment\n\n/node_modules\n*.log\nsrc/*/gen\ndocs/**/*.png\ntmp?\n");
    expect(ignore.excludes("node_modules")).toBe(true);
    expect(ignore.excludes("node_modules/a/b.js")).toBe(true); // below an excluded folder
    expect(ignore.excludes("packages/x/node_modules")).toBe(false); // anchored at the root
    expect(ignore.excludes("debug.log")).toBe(true);
    expect(ignore.excludes("logs/debug.log")).toBe(false); // * does not cross a /
    expect(ignore.excludes("src/a/gen")).toBe(true);
    expect(ignore.excludes("src/a/b/gen")).toBe(false);
    expect(ignore.excludes("docs/x.png")).toBe(true);
    expect(ignore.excludes("docs/a/b/x.png")).toBe(true);
    expect(ignore.excludes("tmp1")).toBe(true);
    expect(ignore.excludes("tmp12")).toBe(false);
    expect(ignore.hasExceptions).toBe(false);
  });

  it("lets a later ! line re-include, and the last matching line decide", () => {
    const ignore = parseDockerIgnore("*.md\n!README.md\nREADME*.md\n!README.md\n**/secret\n");
    expect(ignore.excludes("CHANGES.md")).toBe(true);
    expect(ignore.excludes("README.md")).toBe(false);
    expect(ignore.excludes("README-old.md")).toBe(true);
    expect(ignore.excludes("a/b/secret")).toBe(true);
    expect(ignore.excludes("secret")).toBe(true);
    expect(ignore.hasExceptions).toBe(true);
  });

  it("excludes nothing for an empty file, and reads character classes and escapes", () => {
    expect(parseDockerIgnore("").excludes("anything")).toBe(false);
    const ignore = parseDockerIgnore("file[0-9].txt\nliteral\\*star\n");
    expect(ignore.excludes("file3.txt")).toBe(true);
    expect(ignore.excludes("filex.txt")).toBe(false);
    expect(ignore.excludes("literal*star")).toBe(true);
    expect(ignore.excludes("literalXstar")).toBe(false);
  });
});
