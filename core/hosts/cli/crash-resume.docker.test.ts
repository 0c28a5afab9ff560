// Crash safety: `forklift run` is killed with SIGKILL in the middle of a search; `forklift resume`
// then finishes it. Every node completed before the kill is intact, no node is duplicated, and no
// container or image of the session is left in Docker.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Node } from "../../../shared/domain/node.ts";
import { findLeaks } from "../../sandbox/testing/leak-check.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { useDriver } from "../../sandbox/testing/test-session.ts";
import { getTree, listSessions, openStore } from "../../store/index.ts";
import { tempStoreDir } from "../../store/testing/temp-store.ts";
import { exitCodes } from "./exit-codes.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cli = path.join(root, "bin/forklift.js");
const specPath = path.join(root, "examples/specs/console-to-logger.yml");
const { driver, session } = useDriver("cli-crash");

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
});

afterEach(async () => {
  temp.remove();
  await repo.remove();
});

/** Nodes whose judgement was complete: they must come back unchanged. */
const completed = (nodes: Node[]) => nodes.filter((node) => node.state === "scored" || node.state === "invalid");

/** Reads the store from the outside, as another process would. */
function readTree() {
  let store: ReturnType<typeof openStore> | undefined;
  try {
    store = openStore(temp.file(), { readonly: true });
    const [only] = listSessions(store);
    return only && getTree(store, only.id);
  } catch {
    return undefined; // not created yet
  } finally {
    store?.close();
  }
}

describe("forklift run killed with SIGKILL, then forklift resume", () => {
  it("finishes the session without losing or duplicating nodes and leaves nothing in Docker", async () => {
    const env = { ...process.env, FORKLIFT_LABEL_PREFIX: session("crash"), FORKLIFT_STORE: temp.file() };
    const child = spawn("node", [cli, "run", specPath, "--repo", repo.path, "--generators", "recipe"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

    // kill it once some depth-1 hypotheses are judged and others are still in flight
    const deadline = Date.now() + 90_000;
    let before: Node[] = [];
    for (;;) {
      const tree = readTree();
      const nodes = tree ? Object.values(tree.nodes) : [];
      if (completed(nodes).some((node) => node.depth >= 1) && nodes.some((node) => node.depth >= 1 && node.state !== "scored")) break;
      if (completed(nodes).some((node) => node.depth >= 2)) break;
      if (Date.now() > deadline) throw new Error(`the run never got going:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    const killed = readTree()!;
    before = completed(Object.values(killed.nodes));
    expect(killed.session.status).toBe("running"); // as the crash left it
    expect((await findLeaks(driver().client, session("crash"))).length).toBeGreaterThan(0); // its checkpoints (and forks) are still there

    const resumed = spawnSync("node", [cli, "resume", killed.session.id.slice(0, 8)], { env, encoding: "utf8", timeout: 180_000 });
    expect(resumed.stderr).toBe("");
    expect(resumed.status, resumed.stdout).toBe(exitCodes.ok);
    expect(resumed.stdout).toContain("solution");

    const after = readTree()!;
    expect(after.session.status).toBe("done");
    for (const node of before) expect(after.nodes[node.id]).toMatchObject({ state: node.state, changesetHash: node.changesetHash, score: node.score, checks: node.checks, votes: node.votes });
    const nodes = Object.values(after.nodes);
    for (const parent of nodes) {
      const children = nodes.filter((node) => node.parentId === parent.id);
      expect(new Set(children.map((node) => node.changesetHash)).size, `children of ${parent.id}`).toBe(children.length);
    }
    expect(nodes.filter((node) => node.state === "checking" || node.state === "pending")).toEqual([]);
    expect(await findLeaks(driver().client, session("crash"))).toEqual([]);
  }, 240_000);
});
