// A repository the fast tier cannot check (here: no TypeScript at all) is said once per session,
// as a warning the CLI prints, with the agent's own reason; the search goes on with slow checks.
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
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

describe("an unavailable fast tier", () => {
  it("is said once, as a warning with the real reason", async () => {
    const warnings: string[] = [];
    engine.events.subscribe((event) => {
      if (event.name === "log" && event.payload.level === "warn") warnings.push(event.payload.message);
    });
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 2, sitesPerStep: 1 });
    const started = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(started.id);
    expect(engine.failure(started.id)).toBeUndefined();
    expect(Object.values(getTree(store, started.id).nodes).some((node) => node.depth === 2)).toBe(true); // two nodes expanded
    const said = warnings.filter((message) => message.startsWith("fast tier unavailable"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^fast tier unavailable: Cannot find module 'typescript'.*; slow checks judge every hypothesis$/);
  }, 120_000);
});
