// One runner per session, through real CLI processes on the host sandbox: `tree` tells a session
// a live process runs from one whose process was killed; then two `resume`s start at once: one
// takes the dead process's lease over and runs the session to its end, the other is refused in
// one line naming the process that runs it — never both expanding it. Ctrl-C then pauses the
// winner, which gives the lease back.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEngine } from "../../engine/index.ts";
import { recipeGenerators, writeSampleSpec } from "../../engine/testing/sample-spec.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { getLease, getTree, openStore } from "../../store/index.ts";
import { exitCodes } from "./exit-codes.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
let repo: TempRepo;
let work: string;
let storeFile: string;

beforeAll(async () => {
  repo = await makeSampleRepo();
  work = mkdtempSync(path.join(tmpdir(), "forklift-lease-"));
  storeFile = path.join(work, "store.db");
});

afterAll(async () => {
  await repo.remove();
  rmSync(work, { recursive: true, force: true });
});

const env = { ...process.env, OPENAI_API_KEY: "", FORKLIFT_STORE: "" };
const cli = (args: string[]) => spawn("node", [path.join(root, "bin/forklift.js"), ...args, "--store", storeFile], { cwd: work, env });

const output = new Map<number, string>();

/** Runs a CLI process to its end; its output so far is in `output`. */
function finished(child: ReturnType<typeof spawn>): Promise<{ pid: number; status: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output.set(child.pid!, stdout);
  });
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ pid: child.pid!, status, stdout, stderr })));
}

function tree(id: string): string {
  return spawnSync("node", [path.join(root, "bin/forklift.js"), "tree", id, "--store", storeFile], { cwd: work, env, encoding: "utf8" }).stdout;
}

/** The pid holding the session's lease, read from the store as another process would. */
function holderPid(sessionId: string): number | undefined {
  const reader = openStore(storeFile, { readonly: true });
  try {
    return getLease(reader, sessionId)?.pid;
  } finally {
    reader.close();
  }
}

async function until(what: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!what()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("refuses a second runner with who holds the session, takes over a dead one's lease, and tree tells live from interrupted", async () => {
  // a paused session, made in this process
  const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 2, hypothesesPerNode: 2, sitesPerStep: 1, maxDepth: 8 });
  const store = openStore(storeFile);
  const engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
  const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
  await engine.api["session/pause"]({ sessionId: session.id });
  await engine.close();
  const id = session.id.slice(0, 8);
  expect(tree(id)).toMatch(/^session \w{8} {2}console-to-logger-test {2}\S+ {2}paused/);

  // a runner that gets killed: live while it runs, interrupted once it is gone
  const doomed = cli(["resume", id, "--sandbox", "host"]);
  const doomedEnd = finished(doomed);
  await until(() => holderPid(session.id) === doomed.pid, 60_000);
  expect(tree(id)).toContain(`running (live: pid ${doomed.pid} on `);
  doomed.kill("SIGKILL");
  await doomedEnd;
  expect(tree(id)).toContain("interrupted (was running; no process runs it: forklift resume continues it)");

  // two resumes at once: exactly one runs it (taking the killed process's lease over), the other is refused
  const first = cli(["resume", id, "--sandbox", "host"]);
  const second = cli(["resume", id, "--sandbox", "host"]);
  const runs = [finished(first), finished(second)];
  const loser = await Promise.race(runs);
  const winnerProcess = loser.pid === first.pid ? second : first;
  expect(loser.status, loser.stderr).toBe(exitCodes.usage);
  expect(loser.stderr).toMatch(new RegExp(`^forklift: session ${id} is being run by another process \\(pid ${winnerProcess.pid} on [^,]+, heartbeat \\d+ s ago\\): wait for it to end, or stop it \\(Ctrl-C pauses it\\) and resume here\\n$`));
  expect(loser.stdout).toBe("");
  expect(holderPid(session.id)).toBe(winnerProcess.pid);
  await until(() => output.get(winnerProcess.pid!)?.includes("resumed") === true, 30_000);
  winnerProcess.kill("SIGINT"); // Ctrl-C: it pauses
  const winner = await runs[loser.pid === first.pid ? 1 : 0]!;
  expect(winner.stdout).toContain("pausing");
  expect(winner.status).toBe(exitCodes.failure); // paused, not solved

  const reader = openStore(storeFile, { readonly: true });
  try {
    const final = getTree(reader, session.id);
    expect(final.session.status).toBe("paused");
    expect(getLease(reader, session.id)).toBeUndefined(); // given back on the way out
    // never expanded twice: siblings are all different changes
    const nodes = Object.values(final.nodes);
    for (const node of nodes) {
      const siblings = nodes.filter((other) => other.parentId === node.parentId && other.parentId !== undefined);
      expect(new Set(siblings.map((sibling) => sibling.changesetHash)).size).toBe(siblings.length);
    }
  } finally {
    reader.close();
  }
}, 120_000);
