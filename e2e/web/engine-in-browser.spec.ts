/**
 * The studio's engine driven from a page in Chromium, through the browser host's real socket, on
 * the real engine and Docker: the demo prepared, a recipe search watched as it grows, diff and
 * compare, pin, prune (its checkpoint image gone from Docker), a manual edit judged, the patch
 * exported (git apply --check) and applied as a branch, pause and resume. The page calls the
 * engine as the renderer does; the clicks through the renderer's UI come on top of this.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import type { Node } from "../../shared/domain/node.ts";
import type { TreeDelta } from "../../shared/domain/tree-delta.ts";
import type { Method, RequestOf, ResponseOf } from "../../shared/protocol/contract.ts";
import { startStudio } from "./studio-process.ts";
import type { StudioProcess } from "./studio-process.ts";

let studio: StudioProcess;

test.beforeAll(async () => {
  studio = await startStudio(["--demo"]);
});

test.afterAll(async () => {
  expect(await studio.stop()).toBe(0);
  // nothing of this studio's sessions is left in Docker
  expect(leftovers(studio.labelPrefix)).toEqual([]);
});

function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Containers and images whose session label starts with `prefix`. */
function leftovers(prefix: string): string[] {
  const containers = docker("ps", "-a", "--filter", "label=forklift.session", "--format", '{{.ID}} {{.Label "forklift.session"}}').split("\n");
  const imageIds = docker("images", "-q", "--filter", "label=forklift.session").split("\n").filter(Boolean);
  const images = imageIds.length === 0 ? [] : docker("image", "inspect", "--format", '{{.Id}} {{index .Config.Labels "forklift.session"}}', ...new Set(imageIds)).split("\n");
  return [...containers, ...images].filter((line) => line.split(" ")[1]?.startsWith(prefix));
}

/** Opens the page and its socket to the engine; deltas are kept on the page. */
async function openEngine(page: Page): Promise<void> {
  await page.goto(studio.url);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/rpc`);
        const state = { socket, next: 1, waiting: new Map<number, (message: unknown) => void>(), deltas: [] as unknown[] };
        (window as unknown as { engine: typeof state }).engine = state;
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { kind: string; id?: number; name?: string; payload?: unknown };
          if (message.kind === "event" && message.name === "tree/delta") state.deltas.push(message.payload);
          if (message.kind === "response" && message.id !== undefined) state.waiting.get(message.id)?.(message);
        };
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error("the engine's socket was refused"));
      }),
  );
}

/** Calls the engine from the page. */
async function call<M extends Method>(page: Page, method: M, params: RequestOf<M>): Promise<ResponseOf<M>> {
  const reply = await page.evaluate(
    ([method, params]) =>
      new Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>((resolve) => {
        const engine = (window as unknown as { engine: { socket: WebSocket; next: number; waiting: Map<number, (message: unknown) => void> } }).engine;
        const id = engine.next++;
        engine.waiting.set(id, (message) => resolve(message as { ok: boolean }));
        engine.socket.send(JSON.stringify({ kind: "request", id, method, params }));
      }),
    [method, params] as const,
  );
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.code}: ${reply.error?.message}`);
  return reply.result as ResponseOf<M>;
}

/** The deltas the page received so far. */
function deltas(page: Page): Promise<TreeDelta[]> {
  return page.evaluate(() => (window as unknown as { engine: { deltas: TreeDelta[] } }).engine.deltas);
}

test("a recipe search on the demo, from the page: watch, diff, compare, pin, prune, edit, export, apply, pause and resume", async ({ page }) => {
  test.setTimeout(300_000);
  await openEngine(page);
  const status = await call(page, "system/status", {});
  expect(status.docker.state).toBe("ready");
  const demo = await call(page, "demo/prepare", {});
  const session = await call(page, "session/start", { ...demo, generators: ["recipe"] });

  // nodes appear as deltas; wait for a child with its own checkpoint (a node that was expanded)
  await expect
    .poll(async () => (await deltas(page)).some((delta) => delta.kind !== "session-updated" && delta.node.depth >= 1 && delta.node.checkpointImageId !== undefined), { timeout: 240_000 })
    .toBe(true);
  expect((await call(page, "session/pause", { sessionId: session.id })).status).toBe("paused");
  let tree = await call(page, "tree/get", { sessionId: session.id });
  expect(tree.seq).toBeGreaterThanOrEqual(Math.max(...(await deltas(page)).map((delta) => delta.seq)));
  const nodes = Object.values(tree.nodes);
  const root = nodes.find((node) => node.depth === 0)!;
  const checkpointed = nodes.find((node) => node.depth >= 1 && node.checkpointImageId !== undefined)!;
  const other = nodes.find((node) => node.depth >= 1 && node.state === "scored" && node.id !== checkpointed.id && node.parentId !== checkpointed.id)!;
  expect(other).toBeTruthy();

  // diff against the root and compare two nodes
  const diff = await call(page, "node/diff", { nodeId: other.id, against: "root" });
  expect(diff.files.length).toBeGreaterThan(0);
  const compared = await call(page, "node/compare", { leftId: checkpointed.id, rightId: other.id });
  expect(compared.patch).toContain("diff --git");

  // pin one, prune another: the pruned node's checkpoint image is gone from Docker
  expect((await call(page, "node/pin", { nodeId: other.id })).pinned).toBe(true);
  const image = checkpointed.checkpointImageId!;
  expect(docker("image", "inspect", "--format", "{{.Id}}", image)).toContain(image.replace(/^sha256:/, ""));
  const pruned = await call(page, "node/prune", { nodeId: checkpointed.id });
  expect(pruned.state).toBe("pruned");
  expect(() => docker("image", "inspect", image)).toThrow();

  // a manual edit under the root is judged like any other child
  const edit = 'src/report.js\n<<<<<<< SEARCH\n  console.log("report lines", lines.length);\n=======\n  logger.info("report lines", { count: lines.length });\n>>>>>>> REPLACE\n';
  const manual = await call(page, "node/addManualEdit", { parentId: root.id, editBlocks: edit });
  await expect.poll(async () => (await call(page, "tree/get", { sessionId: session.id })).nodes[manual.id]?.state, { timeout: 120_000 }).toBe("scored");

  // export the pinned node's patch: it applies to the repository
  const exported = await call(page, "node/export", { nodeId: other.id });
  const patchFile = path.join(studio.folder, exported.fileName);
  writeFileSync(patchFile, exported.patch);
  execFileSync("git", ["apply", "--check", patchFile], { cwd: demo.repoPath });
  // apply it as a branch of the (demo's own copy of the) repository
  const applied = await call(page, "node/apply", { nodeId: other.id, branch: "forklift/e2e" });
  expect(execFileSync("git", ["rev-parse", applied.branch], { cwd: demo.repoPath, encoding: "utf8" }).trim()).toBe(applied.commit);
  expect(execFileSync("git", ["diff", "--name-only", "HEAD", applied.branch], { cwd: demo.repoPath, encoding: "utf8" }).trim().split("\n")).toEqual(diff.files.map((file) => file.path));

  // resume: the search goes on to the end (a solution), then nothing of it stays in Docker
  expect((await call(page, "session/resume", { sessionId: session.id })).status).toBe("running");
  await expect.poll(async () => (await call(page, "session/info", { sessionId: session.id })).session.status, { timeout: 240_000 }).toBe("done");
  tree = await call(page, "tree/get", { sessionId: session.id });
  expect(tree.session.reason).toMatch(/^solution/);
  // a finished session frees its sandboxes right after it says "done"
  await expect
    .poll(async () => {
      const left = await call(page, "sandbox/list", { sessionId: session.id });
      return left.checkpoints.length + left.containers.length;
    }, { timeout: 60_000 })
    .toBe(0);
  expect(Object.values(tree.nodes).filter((node: Node) => node.pinned).map((node) => node.id)).toEqual([other.id]);
});
