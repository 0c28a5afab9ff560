import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAgentLine } from "./agent-protocol.ts";
import { createFastChecker, createLocalAgentTransport } from "./index.ts";
import { applyChangesOnDisk } from "./testing/apply-changes-on-disk.ts";
import { compareWithTsc } from "./testing/compare-with-tsc.ts";
import type { RawAgent } from "./testing/raw-agent.ts";
import { startRawAgent } from "./testing/raw-agent.ts";
import { renderTsModule } from "./testing/render-ts-module.ts";
import { runTsc } from "./testing/run-tsc.ts";
import type { TempTsProject } from "./testing/temp-ts-project.ts";
import { createTempTsProject } from "./testing/temp-ts-project.ts";
import { generatedTsconfig, hostTypescriptDir, hostTypescriptVersion } from "./testing/write-ts-project.ts";

// The agent (containers/agents/typecheck-agent.mjs) at the protocol level: raw lines in, raw lines out.

type Line = Record<string, unknown>;
const isReply = (id: unknown) => (line: Line) => line.id === id && (line.kind === "result" || line.kind === "error");

describe("typecheck agent protocol", () => {
  let project: TempTsProject;
  let agent: RawAgent;
  let nextId = 0;

  /** Sends one overlay request and waits for its reply. */
  const check = (overlay: Record<string, string | null>) => {
    const id = `q${++nextId}`;
    agent.write(JSON.stringify({ id, overlay }) + "\n");
    return agent.next(isReply(id));
  };

  beforeAll(async () => {
    project = await createTempTsProject({ files: 12, seed: 3 });
    agent = await startRawAgent(project.dir);
  }, 60_000);

  afterAll(async () => {
    await agent?.kill();
    await project?.remove();
  });

  it("says hello with the repository's TypeScript and its baseline", async () => {
    const hello = await agent.next((line) => line.kind === "hello");
    expect(hello).toMatchObject({ protocol: 1, typescript: hostTypescriptVersion, tsconfig: "tsconfig.json", rootFiles: 12, baselineDiagnostics: 0 });
    expect(hello.baselineMs).toBeGreaterThan(0);
  });

  it("answers garbage with bad-request errors (with the id when it can find one) and keeps serving", async () => {
    agent.write('not json {"id": 5, \n');
    agent.write("}{\n");
    agent.write("\n   \n");
    agent.write("[1, 2]\n");
    agent.write('{"overlay": {}}\n');
    agent.write('{"id": "x", "frobnicate": 1}\n');
    agent.write('{"id": "y", "overlay": {"src/a.ts": 5}}\n');
    agent.write('{"id": "z", "overlay": {"../../etc/passwd": "x"}}\n');
    agent.write('{"id": "w", "overlay": "src/a.ts"}\n');
    expect(await agent.next((line) => line.id === 5)).toMatchObject({ kind: "error", code: "bad-request" });
    for (const id of ["x", "y", "z", "w"]) expect(await agent.next((line) => line.id === id)).toMatchObject({ kind: "error", code: "bad-request" });
    const anonymous = agent.lines.filter((line) => (line as Line).kind === "error" && (line as Line).id === undefined);
    expect(anonymous).toHaveLength(3); // "}{", "[1, 2]" and the request without an id
    expect(await check({})).toMatchObject({ kind: "result", diagnostics: [], files: [] });
  });

  it("reports only syntax errors for a file that does not parse, as tsc does", async () => {
    const file = project.plan.modules[5]?.path ?? "";
    const reply = await check({ [file]: "export const = ;\nclass {{{ \u0000 \uFFFF" });
    const codes = (reply.diagnostics as { code: number; file: string }[]).map((d) => d.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code < 2000)).toBe(true);
    expect(reply.files).toEqual([file]);
  });

  it("checks a huge new file", async () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `export const value${i}: number = ${i};`).join("\n");
    const reply = await check({ "src/huge.ts": `${body}\nexport const wrong: string = value7;\n` });
    expect(reply).toMatchObject({ kind: "result", files: ["src/huge.ts"] });
    expect(reply.diagnostics).toMatchObject([{ file: "src/huge.ts", line: 40_001, code: 2322 }]);
  }, 60_000);

  it("ignores paths outside the program and deletions of files that do not exist", async () => {
    const reply = await check({ "README.md": "# hi", "docs/notes/x.md": "x", "node_modules/left-pad/index.js": "x", "src/ghost.ts": null });
    expect(reply).toMatchObject({ kind: "result", diagnostics: [], files: [] });
  });

  it("includes new files the way tsconfig's include does", async () => {
    const inside = await check({ "src/new/added.ts": "export const n: number = 'text';\n" });
    expect(inside).toMatchObject({ files: ["src/new/added.ts"], diagnostics: [{ file: "src/new/added.ts", code: 2322 }] });
    const outside = await check({ "scripts/added.ts": "export const n: number = 'text';\n" });
    expect(outside).toMatchObject({ files: [], diagnostics: [] });
  });

  it("reports importers of a deleted module, then forgets the overlay", async () => {
    const imported = project.plan.modules.find((module) => (project.plan.importers[module.index]?.length ?? 0) > 0);
    if (!imported) throw new Error("the generated project has no imported module");
    const deleted = await check({ [imported.path]: null });
    const diagnostics = deleted.diagnostics as { code: number; file: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.code === 2307)).toBe(true);
    // The next request starts from the baseline again: the module is back.
    const again = await check({ [imported.path]: renderTsModule(project.plan, imported.index, "comment") });
    expect(again).toMatchObject({ diagnostics: [], files: [imported.path] });
    agent.write('{"id": "b1", "baseline": true}\n');
    expect(await agent.next(isReply("b1"))).toMatchObject({ kind: "result", diagnostics: [] });
  });

  it("follows a tsconfig change in the overlay, as tsc would see it", async () => {
    const tsconfig = JSON.stringify({ ...generatedTsconfig, compilerOptions: { ...generatedTsconfig.compilerOptions, noUnusedLocals: true } });
    const reply = await check({ "tsconfig.json": tsconfig });
    const undo = await applyChangesOnDisk(project.dir, { "tsconfig.json": tsconfig });
    const tsc = await runTsc(project.dir).finally(undo);
    expect(tsc.diagnostics.length).toBeGreaterThan(0);
    expect(compareWithTsc(reply as never, tsc.diagnostics, [], ["tsconfig.json"])).toEqual([]);
  }, 60_000);

  it("cancels the running request, and queued ones before they start", async () => {
    const file = project.plan.modules[0]?.path ?? "";
    const overlay = (i: number) => ({ [file]: renderTsModule(project.plan, 0, "body-change") + `// ${i}\n` });
    agent.write(
      [
        { id: "c1", overlay: overlay(1) },
        { id: "c2", overlay: overlay(2) },
        { id: "c3", overlay: overlay(3) },
        { id: "k1", cancel: "c1" },
        { id: "k3", cancel: "c3" },
        { id: "k9", cancel: "nothing" },
      ]
        .map((request) => JSON.stringify(request) + "\n")
        .join(""),
    );
    expect(await agent.next(isReply("c1"))).toMatchObject({ kind: "error", code: "cancelled" });
    expect(await agent.next(isReply("c2"))).toMatchObject({ kind: "result" });
    expect(await agent.next(isReply("c3"))).toMatchObject({ kind: "error", code: "cancelled" });
    expect(await agent.next((line) => line.id === "k1")).toMatchObject({ kind: "cancel-ack", target: "c1", found: true });
    expect(await agent.next((line) => line.id === "k9")).toMatchObject({ kind: "cancel-ack", found: false });
  });

  it("never writes anything but protocol lines to stdout", () => {
    expect(agent.lines.length).toBeGreaterThan(10);
    for (const line of agent.lines) expect(parseAgentLine(JSON.stringify(line)), JSON.stringify(line)).toBeDefined();
  });
});

describe("typecheck agent with a line limit", () => {
  it("refuses a line over the limit (naming its id) and serves the next one", async () => {
    const project = await createTempTsProject({ files: 4, seed: 5 });
    const agent = await startRawAgent(project.dir, ["--max-line-mb", "1"]);
    try {
      agent.write(JSON.stringify({ id: "big", overlay: { "src/big.ts": "x".repeat(3 * 1024 * 1024) } }) + "\n");
      agent.write(JSON.stringify({ id: "next", overlay: { "src/next.ts": "export const n: number = 'x';\n" } }) + "\n");
      expect(await agent.next(isReply("big"))).toMatchObject({ kind: "error", code: "bad-request" });
      expect(await agent.next(isReply("next"))).toMatchObject({ kind: "result", diagnostics: [{ file: "src/next.ts", code: 2322 }] });
    } finally {
      await agent.kill();
      await project.remove();
    }
  }, 60_000);
});

describe("typecheck agent with a baseline that has errors", () => {
  it("reports them for the baseline and for checked files only", async () => {
    const project = await createTempTsProject({ files: 6, seed: 9 });
    await writeFile(path.join(project.dir, "src/broken.ts"), "export const broken: number = 'no';\n");
    const agent = await startRawAgent(project.dir);
    try {
      expect(await agent.next((line) => line.kind === "hello")).toMatchObject({ baselineDiagnostics: 1 });
      agent.write('{"id": 1, "baseline": true}\n');
      expect(await agent.next(isReply(1))).toMatchObject({ diagnostics: [{ file: "src/broken.ts", line: 1, column: 14, code: 2322 }] });
      const other = project.plan.modules[1]?.path ?? "";
      agent.write(JSON.stringify({ id: 2, overlay: { [other]: renderTsModule(project.plan, 1, "comment") } }) + "\n");
      expect(await agent.next(isReply(2))).toMatchObject({ diagnostics: [], files: [other] });
      agent.write(JSON.stringify({ id: 3, overlay: { "src/broken.ts": "export const broken: number = 1;\n" } }) + "\n");
      expect(await agent.next(isReply(3))).toMatchObject({ diagnostics: [], files: ["src/broken.ts"] });
    } finally {
      await agent.kill();
      await project.remove();
    }
  }, 60_000);
});

describe("typecheck agent without TypeScript or tsconfig", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "forklift-no-ts-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("says typescript: null and exits cleanly when the repository has no typescript package", async () => {
    const repo = path.join(dir, "no-typescript");
    await mkdir(repo);
    await writeFile(path.join(repo, "tsconfig.json"), JSON.stringify(generatedTsconfig));
    const agent = await startRawAgent(repo);
    expect(await agent.exited).toMatchObject({ code: 0 });
    expect(agent.lines).toEqual([expect.objectContaining({ kind: "hello", typescript: null, reason: "no-typescript" })]);
  });

  it("says so and exits cleanly when there is no tsconfig", async () => {
    const repo = path.join(dir, "no-tsconfig");
    await mkdir(path.join(repo, "node_modules"), { recursive: true });
    await symlink(hostTypescriptDir, path.join(repo, "node_modules", "typescript"), "dir");
    const agent = await startRawAgent(repo);
    expect(await agent.exited).toMatchObject({ code: 0 });
    expect(agent.lines).toEqual([expect.objectContaining({ kind: "hello", typescript: hostTypescriptVersion, tsconfig: null, reason: "no-tsconfig" })]);
  });

  it("fault injection (a TypeScript whose builder API fails): says why in its hello, and the checker reports it as unavailable", async () => {
    const repo = path.join(dir, "broken-typescript");
    await mkdir(path.join(repo, "node_modules", "typescript"), { recursive: true });
    await writeFile(path.join(repo, "tsconfig.json"), JSON.stringify(generatedTsconfig));
    await writeFile(path.join(repo, "a.ts"), "export const a = 1;\n");
    // the real compiler, with the builder failing as TypeScript 4.9's did on a host it did not expect
    await writeFile(
      path.join(repo, "node_modules", "typescript", "index.js"),
      `const ts = require(${JSON.stringify(hostTypescriptDir)});\nmodule.exports = { ...ts, createSemanticDiagnosticsBuilderProgram() { throw new TypeError("host.useCaseSensitiveFileNames is not a function"); } };\n`,
    );
    await writeFile(path.join(repo, "node_modules", "typescript", "package.json"), JSON.stringify({ name: "typescript", version: "0.0.0-broken", main: "index.js" }));
    const checker = createFastChecker({ transport: createLocalAgentTransport({ repoDir: repo }) });
    try {
      expect(await checker.start()).toEqual({
        status: "unavailable",
        reason: "agent-failed",
        detail: `TypeScript ${hostTypescriptVersion} could not build the baseline: host.useCaseSensitiveFileNames is not a function`,
      });
    } finally {
      await checker.close();
    }
  });
});
