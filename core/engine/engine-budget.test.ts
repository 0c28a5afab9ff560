// Budgets hold inside a depth: once the wall-time budget is spent no check starts (the running one
// finishes), the rest stays pending, and the session ends within a check's length of the budget.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {}, fastTier: false });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

describe("the wall-time budget", () => {
  it("stops starting checks inside a depth once it is spent", async () => {
    // each check takes 4 s, one at a time: the first depth alone would take about 16 s (up to 32 with re-runs)
    const checks = `  - { name: slow, command: "sleep 4", parser: exit-code, timeoutSec: 60 }`;
    const budgetMinutes = 0.3; // 18 s: the root's baseline (the check twice) takes 8 of them
    const specPath = writeSampleSpec({ generators: recipeGenerators, checks, beamWidth: 1, hypothesesPerNode: 4, sitesPerStep: 1 });
    const { readFileSync, writeFileSync } = await import("node:fs");
    writeFileSync(specPath, readFileSync(specPath, "utf8").replace("budgets:\n", `budgets:\n  wallMinutes: ${budgetMinutes}\n`).replace("sandboxesAtOnce: 2", "sandboxesAtOnce: 1"));
    const started = performance.now();
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    const done = await engine.settled(session.id);
    const seconds = (performance.now() - started) / 1000;
    expect(done.reason).toMatch(/^no solution: time budget spent \(0\.[0-9] of 0\.3 min\)$/);
    // the budget, plus at most the check that was running, plus setup on a busy machine
    expect(seconds).toBeLessThan(budgetMinutes * 60 + 4 + 8);
    const children = Object.values(getTree(store, session.id).nodes).filter((node) => node.depth === 1);
    expect(children.length).toBeGreaterThan(1);
    expect(children.some((node) => node.state === "pending")).toBe(true); // never started
  }, 120_000);
});
