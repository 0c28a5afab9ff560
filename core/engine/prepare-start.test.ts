// prepareStart checks everything a session needs before one exists: the spec (rules compiled),
// the repository, the paths the spec names in it, and the uncommitted work it would take in.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TempGitRepo } from "../patches/testing/temp-git-repo.ts";
import { prepareStart } from "./prepare-start.ts";

let repo: TempGitRepo;
let scratch: string;

beforeEach(() => {
  repo = new TempGitRepo();
  repo.commit({ "src/a.ts": "console.log(1);\n" });
  scratch = mkdtempSync(path.join(tmpdir(), "forklift-start-"));
});

afterEach(() => {
  repo.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

function spec(extra = ""): string {
  const file = path.join(scratch, "spec.yml");
  writeFileSync(file, `goal: g\ntargets:\n  - id: a\n    rule: { pattern: console.log($A) }\n${extra}`);
  return file;
}

describe("prepareStart", () => {
  it("refuses a Dockerfile the repository does not have, at its line in the spec", async () => {
    const file = spec("sandbox:\n  dockerfile: docker/Dockerfile\n");
    await expect(prepareStart(file, repo.dir, false)).rejects.toMatchObject({
      code: "invalid-spec",
      message: `${file}:6:15: sandbox.dockerfile: docker/Dockerfile does not exist in ${repo.dir}: name a Dockerfile relative to the repository root`,
    });
    repo.commit({ "docker/Dockerfile": "FROM forklift/node-base:20\n" });
    expect((await prepareStart(file, repo.dir, false)).spec.sandbox.base).toEqual({ kind: "dockerfile", path: "docker/Dockerfile" });
  });

  it("refuses a Dockerfile outside the repository and a directory", async () => {
    writeFileSync(path.join(scratch, "Dockerfile"), "FROM x\n");
    const outside = spec(`sandbox:\n  dockerfile: ${path.relative(repo.dir, path.join(scratch, "Dockerfile"))}\n`);
    await expect(prepareStart(outside, repo.dir, false)).rejects.toMatchObject({ code: "invalid-spec", message: expect.stringMatching(/:6:15: sandbox\.dockerfile: .* is outside the repository/) });
    const directory = spec("sandbox:\n  dockerfile: src\n");
    await expect(prepareStart(directory, repo.dir, false)).rejects.toMatchObject({ code: "invalid-spec", message: expect.stringMatching(/:6:15: sandbox\.dockerfile: src is not a file/) });
  });

  it("refuses a rule that does not compile before looking at the repository", async () => {
    const file = path.join(scratch, "bad-rule.yml");
    writeFileSync(file, "goal: g\ntargets:\n  - id: a\n    rule: { patern: x }\n");
    await expect(prepareStart(file, path.join(scratch, "missing"), false)).rejects.toMatchObject({ code: "invalid-spec", message: expect.stringContaining("bad-rule.yml:4:13: targets[0].rule: unknown rule key") });
  });
});
