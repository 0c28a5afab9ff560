// The fast tier on the TypeScript versions repositories have: the agent loads the repository's
// own copy (4.5, 4.9, 5.0, 5.4, 6.0 as npm aliases, and the 5.x this project uses itself) and must
// answer exactly what that version's `tsc --noEmit` says, baseline and hypotheses alike. The
// newest, 7.x, is the native compiler with no JavaScript API: the fast tier says so, once, why.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createFastChecker, createLocalAgentTransport } from "./index.ts";
import { applyChangesOnDisk } from "./testing/apply-changes-on-disk.ts";
import { compareWithTsc } from "./testing/compare-with-tsc.ts";
import { generateHypotheses } from "./testing/generate-hypotheses.ts";
import { planTsProject } from "./testing/plan-ts-project.ts";
import { runTsc } from "./testing/run-tsc.ts";
import { renderTsProject, writeFileTree } from "./testing/write-ts-project.ts";

const require = createRequire(import.meta.url);
const versions = ["typescript-4.5", "typescript-4.9", "typescript-5.0", "typescript-5.4", "typescript", "typescript-6.0"];
// the older versions live apart (their tsc would replace the project's own): npm run setup:typescript-versions
const versionsRequire = createRequire(new URL("./testing/typescript-versions/package.json", import.meta.url));
const packageDir = (name: string): string => {
  const from = name === "typescript" ? require : versionsRequire;
  try {
    return path.dirname(from.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`${name} is not installed: run npm run setup:typescript-versions`);
  }
};
const made: string[] = [];

/** A generated project whose node_modules/typescript is the given package, with a tsconfig every version reads. */
async function projectWith(typescriptPackage: string, version: string): Promise<{ dir: string; plan: ReturnType<typeof planTsProject> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-ts-versions-"));
  made.push(dir);
  const plan = planTsProject({ files: 6, seed: 9 });
  const files = renderTsProject(plan);
  // no "Bundler" resolution before TypeScript 5.0, and "node" (node10) is an error from 6.0 on
  const moduleResolution = Number(version.split(".")[0]) >= 5 ? "bundler" : "node";
  files["tsconfig.json"] = JSON.stringify({ compilerOptions: { strict: true, target: "ES2020", lib: ["ES2020"], module: "ESNext", moduleResolution, noEmit: true, skipLibCheck: true, types: [] }, include: ["src"] });
  await writeFileTree(dir, files);
  await mkdir(path.join(dir, "node_modules"), { recursive: true });
  await symlink(packageDir(typescriptPackage), path.join(dir, "node_modules/typescript"), "dir");
  return { dir, plan };
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(versions)("the typecheck agent with %s", (typescriptPackage) => {
  it(`starts on the repository's own ${typescriptPackage} and equals its tsc on a broken baseline and on hypotheses`, async () => {
    const version = (JSON.parse(await readFile(path.join(packageDir(typescriptPackage), "package.json"), "utf8")) as { version: string }).version;
    const agent = await projectWith(typescriptPackage, version);
    const reference = await projectWith(typescriptPackage, version);
    // a baseline with an error, so "new" errors are told from old ones as in a real repository
    const broken = "src/baseline-error.ts";
    for (const dir of [agent.dir, reference.dir]) await writeFile(path.join(dir, broken), "export const wrong: number = 'text';\n");
    const checker = createFastChecker({ transport: createLocalAgentTransport({ repoDir: agent.dir }) });
    try {
      const started = await checker.start();
      expect(started).toMatchObject({ status: "ready", hello: { typescript: version, baselineDiagnostics: 1 } });
      const baseline = await runTsc(reference.dir);
      expect(baseline.diagnostics.map((d) => `${d.file} TS${d.code}`)).toEqual([`${broken} TS2322`]);
      const fastBaseline = await checker.baseline();
      expect(fastBaseline.status === "checked" && fastBaseline.diagnostics.map((d) => `${d.file} TS${d.code}`)).toEqual([`${broken} TS2322`]);
      const problems: string[] = [];
      for (const hypothesis of generateHypotheses(agent.plan, { count: 4, seed: 4 })) {
        const fast = await checker.check(hypothesis.changes);
        const undo = await applyChangesOnDisk(reference.dir, hypothesis.changes);
        const tsc = await runTsc(reference.dir).finally(undo);
        if (fast.status !== "checked") problems.push(`${hypothesis.id}: ${JSON.stringify(fast)}`);
        else for (const problem of compareWithTsc(fast, tsc.diagnostics, baseline.diagnostics, Object.keys(hypothesis.changes))) problems.push(`${hypothesis.id}: ${problem}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await checker.close();
    }
  }, 120_000);
});

describe("the typecheck agent with typescript-7.0 (the native compiler)", () => {
  it("says once, with the version and why, that the fast tier cannot run on it", async () => {
    const version = (JSON.parse(await readFile(path.join(packageDir("typescript-7.0"), "package.json"), "utf8")) as { version: string }).version;
    expect(version).toMatch(/^7\./);
    const project = await projectWith("typescript-7.0", version);
    const events: string[] = [];
    const checker = createFastChecker({ transport: createLocalAgentTransport({ repoDir: project.dir }), onEvent: (event) => events.push(event.type) });
    try {
      const expected = {
        status: "unavailable",
        reason: "unsupported-typescript",
        detail: `TypeScript ${version} has no JavaScript compiler API (7.x is the native compiler); the fast tier needs TypeScript 4.5 to 6.x`,
      };
      expect(await checker.start()).toEqual(expected);
      expect(await checker.check({ "src/extra.ts": "export const x = 1;\n" })).toEqual(expected);
      expect(events.filter((type) => type === "agent-unavailable")).toHaveLength(1);
    } finally {
      await checker.close();
    }
  }, 60_000);
});
