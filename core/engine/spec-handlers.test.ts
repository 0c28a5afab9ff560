// demo/prepare, spec/read and spec/validate: a real git repository from the bundled sample, real
// files, and spec text from the editor checked with every problem located; garbage never throws.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpecCheckSchema } from "../../shared/protocol/spec-check.ts";
import { createRpcClient } from "../../shared/protocol/rpc-client.ts";
import { serveRpc } from "../../shared/protocol/serve-rpc.ts";
import { createInProcessTransportPair } from "../../shared/protocol/wire.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { demoFiles } from "./prepare-demo.ts";
import { checkSpecText, maxSpecBytes } from "./spec-handlers.ts";

const demoSpec = readFileSync(demoFiles.spec, "utf8");
const scratch = mkdtempSync(path.join(tmpdir(), "forklift-spec-handlers-"));

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(() => {
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

describe("demo/prepare", () => {
  it("copies the sample app into a fresh git repository with one clean commit, beside the demo spec", async () => {
    const first = await engine.api["demo/prepare"]({});
    const second = await engine.api["demo/prepare"]({});
    try {
      expect(second.repoPath).not.toBe(first.repoPath);
      expect(first.specPath).toBe(demoFiles.spec);
      expect(git(first.repoPath, "rev-list", "--count", "HEAD")).toBe("1");
      expect(git(first.repoPath, "status", "--porcelain")).toBe("");
      expect(readFileSync(path.join(first.repoPath, "src", "inventory.js"), "utf8")).toBe(readFileSync(path.join(demoFiles.app, "src", "inventory.js"), "utf8"));
      // ready for session/start: the spec validates and the repository is accepted
      expect((await engine.api["spec/validate"]({ text: demoSpec, path: first.specPath })).ok).toBe(true);
    } finally {
      rmSync(first.repoPath, { recursive: true, force: true });
      rmSync(second.repoPath, { recursive: true, force: true });
    }
  });
});

describe("spec/read", () => {
  it("reads a spec file as text, with its absolute path", async () => {
    expect(await engine.api["spec/read"]({ path: demoFiles.spec })).toEqual({ path: demoFiles.spec, text: demoSpec });
  });

  it("refuses a missing file, a folder and a huge file with coded one-line errors, over the wire", async () => {
    const [clientSide, serverSide] = createInProcessTransportPair();
    serveRpc(serverSide, engine.api);
    const client = createRpcClient(clientSide);
    const huge = path.join(scratch, "huge.yml");
    writeFileSync(huge, "#".repeat(maxSpecBytes + 1));
    await expect(client.call("spec/read", { path: path.join(scratch, "missing.yml") })).rejects.toMatchObject({ code: "not-found", message: expect.stringMatching(/does not exist: check the path$/) });
    await expect(client.call("spec/read", { path: scratch })).rejects.toMatchObject({ code: "invalid-input", message: expect.stringMatching(/is not a file/) });
    await expect(client.call("spec/read", { path: huge })).rejects.toMatchObject({ code: "invalid-input", message: expect.stringMatching(/a migration spec is a short YAML file/) });
    await expect(client.call("spec/read", { path: "" })).rejects.toMatchObject({ code: "invalid-input" });
    client.close();
  });
});

describe("spec/validate", () => {
  it("describes a valid spec: its name, goal and generators", async () => {
    const check = await engine.api["spec/validate"]({ text: demoSpec });
    expect(check).toMatchObject({ ok: true, diagnostics: [], name: "console-to-logger", generators: ["recipe", "llm"] });
    expect(check.goal).toMatch(/^Replace every console.log/);
    const recipeOnly = demoSpec.replace(/budgets:\n {2}tokens: \d+/, "budgets:\n  tokens: 0");
    expect((await engine.api["spec/validate"]({ text: recipeOnly })).generators).toEqual(["recipe"]);
  });

  it("locates every problem for the editor: line, column, field and what was expected", async () => {
    const text = demoSpec.replace("timeoutSec: 120", 'timeoutSec: "ten"').replace("beamWidth: 3", "beamWidht: 3");
    const check = await engine.api["spec/validate"]({ text, path: "migration.yml" });
    expect(check.ok).toBe(false);
    const lines = text.split("\n");
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    expect(check.diagnostics).toEqual([
      { line: at('timeoutSec: "ten"'), column: expect.any(Number), field: "checks[1].timeoutSec", message: expect.stringMatching(/^expected a positive number.*got "ten"/) },
      { line: at("beamWidht"), column: 3, field: "search.beamWidht", message: 'unknown key; did you mean "beamWidth"?' },
    ]);
    const syntax = await engine.api["spec/validate"]({ text: "goal: [unclosed\ntargets: []\n" });
    expect(syntax.ok).toBe(false);
    expect(syntax.diagnostics[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(syntax.diagnostics[0]).not.toHaveProperty("field");
    expect((await engine.api["spec/validate"]({ text: "goal: x\ntargets: []\napiKey: sk-1\n" })).diagnostics).toContainEqual(expect.objectContaining({ field: "apiKey", message: expect.stringMatching(/a secret never belongs in a spec/) }));
  });

  it("never throws on garbage: random text, mutated specs, alias bombs and huge text all come back as diagnostics", () => {
    const specLines = demoSpec.split("\n");
    const mutated = fc.tuple(fc.nat({ max: specLines.length - 1 }), fc.string({ maxLength: 40 }), fc.boolean()).map(([index, insert, replace]) => {
      const copy = [...specLines];
      copy.splice(index, replace ? 1 : 0, insert);
      return copy.join("\n");
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), mutated), (text) => {
        const check = checkSpecText(text, "fuzz.yml");
        expect(SpecCheckSchema.parse(check)).toEqual(check);
        expect(check.ok).toBe(check.diagnostics.length === 0);
      }),
      { numRuns: 400, seed: 8 },
    );
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join("\n")}\n`;
    expect(checkSpecText(bomb).ok).toBe(false);
    expect(checkSpecText("#".repeat(maxSpecBytes + 1)).diagnostics).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/larger than 1024 KiB/) }]);
  });
});
