import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { findSites } from "../targets/find-sites.ts";
import { loadSpec } from "./load-spec.ts";

const example = path.resolve(import.meta.dirname, "../../examples/specs/console-to-logger.yml");
const scratch = await mkdtemp(path.join(tmpdir(), "forklift-spec-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("loadSpec", () => {
  it("loads the annotated example spec", async () => {
    const spec = await loadSpec(example);
    expect(spec.name).toBe("console-to-logger");
    expect(spec.targets.map((target) => target.id)).toEqual(["console-call"]);
    expect(spec.checks.map((check) => [check.name, check.parser, check.mode])).toEqual([
      ["syntax", "exit-code", "gate"],
      ["tests", "tap", "gate"],
    ]);
    expect(spec.sandbox.base).toEqual({ kind: "image", name: "forklift/node-base:20" });
    expect(spec.sandbox.limits.memory).toBe(1024 ** 3);
    expect(spec.generators.recipe?.rules.map((rule) => rule.fixes?.length ?? 1)).toEqual([2, 1, 1]);
    expect(spec.generators.llm?.temperatures).toEqual([0.2, 0.8]);
  });

  it("has targets and recipe rules that find the sample app's four console calls", async () => {
    const spec = await loadSpec(example);
    const sampleApp = path.resolve(import.meta.dirname, "../../examples/sample-app");
    const [targets] = (await findSites(spec.targets, [sampleApp])).repositories;
    expect(targets?.sites.map((site) => `${site.file}:${site.range.start.line}`)).toEqual([
      "src/inventory.js:13",
      "src/inventory.js:18",
      "src/inventory.js:25",
      "src/report.js:7",
    ]);
    const [recipes] = (await findSites(spec.generators.recipe?.rules ?? [], [sampleApp])).repositories;
    expect(recipes?.sites).toHaveLength(4);
  });

  it("throws invalid-spec with file, line, column, field and the count of further problems", async () => {
    const file = path.join(scratch, "bad.yml");
    await writeFile(file, "goal: g\ntargets:\n  - id: a\n    language: cobol\n    rule: { pattern: x }\nsearch:\n  beamWidth: 0\n");
    const error = await loadSpec(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForkliftError);
    expect(error).toMatchObject({
      code: "invalid-spec",
      message: `${file}:4:15: targets[0].language: expected TypeScript (ts), Tsx (tsx) or JavaScript (js, jsx), got "cobol" (and 1 more problem)`,
    });
  });

  it("refuses the wrong file in one short line: one over 1 MiB, one that is not UTF-8 text", async () => {
    const huge = path.join(scratch, "huge.yml");
    await writeFile(huge, `goal: g\n${"# padding\n".repeat(120_000)}`);
    await expect(loadSpec(huge)).rejects.toMatchObject({
      code: "invalid-spec",
      message: `${huge}:1:1: the spec is 1172 KiB, over 1024 KiB: a migration spec is a short YAML file; is this the right file?`,
    });
    const binary = path.join(scratch, "binary.yml");
    await writeFile(binary, Buffer.concat([Buffer.from("goal: g\ntargets: "), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1])]));
    await expect(loadSpec(binary)).rejects.toMatchObject({ code: "invalid-spec", message: `${binary}:2:10: not UTF-8 text (a migration spec is a YAML file): is this the right file?` });
    const nul = path.join(scratch, "nul.yml");
    await writeFile(nul, "goal: g\0\n");
    await expect(loadSpec(nul)).rejects.toMatchObject({ code: "invalid-spec", message: `${nul}:1:8: not UTF-8 text (a migration spec is a YAML file): is this the right file?` });
  });

  it("throws not-found for a missing file", async () => {
    await expect(loadSpec(path.join(scratch, "absent.yml"))).rejects.toMatchObject({ code: "not-found" });
  });
});
