import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runEditsApply, runEditsBatch } from "./edits-apply.ts";

const reply = "src.ts\n<<<<<<< SEARCH\nconst a = 1;\n=======\nconst a = 2;\n>>>>>>> REPLACE\n";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "forklift-cli-edits-"));
  await writeFile(path.join(dir, "src.ts"), "const a = 1;\nconst b = 1;\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("forklift edits apply", () => {
  it("applies blocks and says where each went", async () => {
    const outcome = await runEditsApply(reply, { dir });
    expect(outcome).toEqual({ stdout: "block 1: src.ts line 1 (exact-text)\napplied 1 block(s), wrote 1 file(s)\n", stderr: "", exitCode: 0 });
    expect(await readFile(path.join(dir, "src.ts"), "utf8")).toBe("const a = 2;\nconst b = 1;\n");
  });

  it("--dry-run prints a unified diff and writes nothing", async () => {
    const outcome = await runEditsApply(reply, { dir, dryRun: true });
    expect(outcome.stdout).toContain("--- a/src.ts\n+++ b/src.ts\n@@ -1,2 +1,2 @@\n-const a = 1;\n+const a = 2;\n const b = 1;\n");
    expect(outcome.stdout).toContain("dry run: 1 file(s) would change, nothing written");
    expect(await readFile(path.join(dir, "src.ts"), "utf8")).toBe("const a = 1;\nconst b = 1;\n");
  });

  it("on failure prints the model's message, one line on stderr, and exits 1", async () => {
    const outcome = await runEditsApply(reply.replace("const a = 1;", "const z = 1;"), { dir });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toContain("Block 1: SEARCH was not found in src.ts.");
    expect(outcome.stderr).toBe("forklift: edits not applied: 1 block(s) failed\n");
  });

  it("says a file over the 8 MiB limit is over it, in MiB", async () => {
    await writeFile(path.join(dir, "big.ts"), `const a = 1;\n${"// filler\n".repeat(900_000)}`);
    const outcome = await runEditsApply(reply.replace("src.ts", "big.ts"), { dir });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout).toContain("Block 1: big.ts cannot be edited: it is 8.6 MiB, over the 8 MiB limit for a file edits may change (generated or data files are not edited); leave it out.");
  });

  it("refuses a --dir that is not a directory with a usage error", async () => {
    await expect(runEditsApply(reply, { dir: path.join(dir, "nope") })).rejects.toMatchObject({ code: "invalid-input" });
  });

  it("--jsonl answers one line per input line, in order, blank and bad lines included", async () => {
    const requests = [
      JSON.stringify({ files: { "a.ts": "x();\n" }, edits: "a.ts\n<<<<<<< SEARCH\nx();\n=======\ny();\n>>>>>>> REPLACE\n" }),
      "not json",
      JSON.stringify({ files: { "a.ts": "x();\n" }, edits: "a.ts\n<<<<<<< SEARCH\nz();\n=======\ny();\n>>>>>>> REPLACE\n" }),
      "",
      JSON.stringify({ files: "nope" }),
    ].join("\n");
    const lines: string[] = [];
    const code = await runEditsBatch(Readable.from([requests]), async (line) => void lines.push(line), {});
    expect(code).toBe(0);
    const results = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results).toHaveLength(5); // output line N answers input line N
    expect(results[0]).toEqual({ ok: true, files: { "a.ts": "y();\n" }, strategies: ["exact-text"] });
    expect(results[1]).toMatchObject({ ok: false, error: expect.stringContaining("line 2: invalid request (not JSON)") });
    expect(results[2]).toMatchObject({ ok: false, error: expect.stringContaining("SEARCH was not found in a.ts") });
    expect(results[3]).toMatchObject({ ok: false, error: expect.stringContaining("line 4: blank line") });
    expect(results[4]).toMatchObject({ ok: false, error: expect.stringContaining("line 5: invalid request (files:") });
  });
});
