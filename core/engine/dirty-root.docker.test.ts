// --allow-dirty on the real Docker engine: the root checkpoint of a session holds the uncommitted
// binary file byte for byte (same sha256 inside the sandbox as on the host), the executable bit,
// and a symlink that stays inside the repository as a link.
import { createHash } from "node:crypto";
import { chmodSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Checkpoint } from "../sandbox/index.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { useDriver } from "../sandbox/testing/test-session.ts";
import { getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";

const specPath = fileURLToPath(new URL("../../examples/specs/console-to-logger.yml", import.meta.url));
const { driver, session } = useDriver("dirty-root");
let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("dirty"), env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

it("builds the root checkpoint with the uncommitted binary's exact bytes, the executable bit and an inside symlink", async () => {
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0xc3, 0x28, 0x0a, 0]);
  writeFileSync(path.join(repo.path, "logo.png"), binary);
  writeFileSync(path.join(repo.path, "run.sh"), "#!/bin/sh\necho ok\n");
  chmodSync(path.join(repo.path, "run.sh"), 0o755);
  symlinkSync("src/logger.js", path.join(repo.path, "logger-link.js"));

  const started = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"], allowDirty: true });
  const image = await new Promise<string>((resolve) => {
    const stop = engine.events.subscribe((event) => {
      if (event.name === "tree/delta" && event.payload.kind === "node-updated" && event.payload.node.depth === 0 && event.payload.node.checkpointImageId) {
        stop();
        resolve(event.payload.node.checkpointImageId);
      }
    });
  });
  await engine.api["session/pause"]({ sessionId: started.id });
  const root = Object.values(getTree(store, started.id).nodes).find((node) => node.depth === 0)!;
  expect(root.checkpointImageId).toBe(image);

  const checkpoint: Checkpoint = { id: image, session: session("dirty-look"), node: "look", baseImage: "forklift/node-base:20", workdir: "/work", uid: 1000, gid: 1000, createdAt: "", durationMs: 0 };
  const fork = await driver().fork(checkpoint, { node: "look" });
  try {
    const look = await driver().exec(fork, { command: "sha256sum logo.png | cut -d' ' -f1; test -x run.sh && echo executable; readlink logger-link.js" });
    expect(look.stdout.text).toBe(`${createHash("sha256").update(binary).digest("hex")}\nexecutable\nsrc/logger.js\n`);
  } finally {
    await driver().destroy(fork);
  }
  await engine.api["session/stop"]({ sessionId: started.id }); // frees its sandboxes
});
