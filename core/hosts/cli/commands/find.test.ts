import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../exit-codes.ts";

const root = resolve(import.meta.dirname, "../../../..");
let work: string;

/** Runs the real CLI (`node bin/forklift.js find …`) and returns its exit code and output. */
function forklift(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("node", [join(root, "bin/forklift.js"), "find", ...args], { cwd: work, encoding: "utf8", timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "forklift-cli-find-"));
  const files: Record<string, string> = {
    "api/src/server.ts": "console.log('start');\nconsole.log('port', port);\n",
    "api/src/util.js": "export const f = () => console.log(1);\n",
    "api/node_modules/dep/index.js": "console.log('dep');\n",
    "web/app.tsx": "export const A = () => <b onClick={() => console.log('click')} />;\n",
    "rules.yml": "id: no-console\nlanguage: ts\nrule:\n  pattern: console.log($$$ARGS)\n---\nid: any-call\nrule:\n  pattern: console.$M($$$)\n",
    "bad-rule.yml": "id: broken\nrule:\n  kind: not_a_kind\n",
    "scoped/src/server.ts": "console.log('start');\n",
    "scoped/src/server.test.ts": "console.log('in a test');\n",
    "scoped/lib/util.ts": "console.log('outside src');\n",
    "scoped.yml": "id: scoped\nrule:\n  pattern: console.log($$$ARGS)\nfiles: [\"src/**\"]\nignores: [\"**/*.test.ts\"]\n",
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("forklift find", () => {
  it("prints counts per repository and file, sorted, with totals", () => {
    const { status, stdout, stderr } = forklift("--pattern", "console.log($$$A)", "web", "api");
    expect(stderr).toBe("");
    expect(status).toBe(exitCodes.ok);
    expect(stdout).toBe(
      [
        "REPOSITORY / FILE    SITES",
        "api                      3",
        "  src/server.ts          2",
        "  src/util.js            1",
        "web                      1",
        "  app.tsx                1",
        "TOTAL                    4",
        "",
        "4 sites in 3 files of 2 repositories; 3 files scanned",
        "",
      ].join("\n"),
    );
  });

  it("prints sites as JSON with ranges, text and captures", () => {
    const { status, stdout } = forklift("--pattern", "console.log($FIRST, $$$REST)", "--lang", "ts", "--json", "api");
    expect(status).toBe(exitCodes.ok);
    const output = JSON.parse(stdout);
    expect(output.totals).toEqual({ sites: 1, files: 1, filesScanned: 1 });
    expect(output.repositories).toEqual([{ path: "api", filesScanned: 1, filesSkipped: [], sites: 1, files: { "src/server.ts": 1 } }]);
    expect(output.sites[0]).toMatchObject({
      ruleId: "console.log($FIRST, $$$REST)",
      repository: "api",
      file: "src/server.ts",
      range: { start: { line: 2, column: 1, offset: 22 }, end: { line: 2, column: 26, offset: 47 } },
      text: "console.log('port', port)",
      captures: { single: { FIRST: { text: "'port'" } }, multi: { REST: [{ text: "port" }] } },
    });
  });

  it("scans ignored files and node_modules with --include-ignored", () => {
    const output = JSON.parse(forklift("-p", "console.log($$$A)", "--include-ignored", "--json", "api").stdout);
    expect(Object.keys(output.repositories[0].files)).toEqual(["node_modules/dep/index.js", "src/server.ts", "src/util.js"]);
  });

  it("honours a rule's files and ignores globs (relative to each repository)", () => {
    const output = JSON.parse(forklift("--rule", "scoped.yml", "--json", "scoped").stdout);
    expect(Object.keys(output.repositories[0].files)).toEqual(["src/server.ts"]);
  });

  it("runs the rules of a YAML file, with a count per rule", () => {
    const { status, stdout } = forklift("--rule", "rules.yml", "api", "web");
    expect(status).toBe(exitCodes.ok);
    expect(stdout).toContain("\n  rule no-console        2\n  rule any-call          4\n");
  });

  it("fails with one line and a usage exit code for bad input", () => {
    const cases: [string[], string][] = [
      [["--pattern", "console.log((", "api"], `forklift: rule 'console.log((': pattern "console.log((" is not valid TypeScript (syntax error at "console.log((")\n`],
      [["--pattern", "x", "--lang", "cobol", "api"], "forklift: rule 'x': unknown language 'cobol' (use TypeScript (ts), Tsx (tsx) or JavaScript (js, jsx))\n"],
      [["--rule", "bad-rule.yml", "api"], "forklift: rule 'broken': `rule` is not configured correctly.: Rule contains invalid kind matcher.: Invalid Kind: Kind `not_a_kind` is invalid.\n"],
      [["api"], "forklift: give either --pattern or --rule (not both)\n"],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = forklift(...args);
      expect(stderr).toBe(message);
      expect(stdout).toBe("");
      expect(status).toBe(exitCodes.usage);
    }
  });

  it("fails with one line for a missing repository or rule file", () => {
    expect(forklift("-p", "x", "nowhere")).toMatchObject({ status: exitCodes.usage, stderr: "forklift: not a directory: nowhere\n" });
    expect(forklift("-r", "none.yml", "api")).toMatchObject({ status: exitCodes.usage, stderr: "forklift: cannot read the rule file none.yml\n" });
  });
});
