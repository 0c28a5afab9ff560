// A child process for crash and concurrency tests: writes nodes to a store in a loop until killed.
// Usage: node --import tsx store-writer.ts STORE_PATH SEED
// Prints "session <id>" once set up, then "node <k>" after each committed node.
import { createSession, listSessions } from "../sessions.ts";
import { addNode, updateNode } from "../nodes.ts";
import { openStore } from "../open-store.ts";
import { workloadBlocks, workloadChanges } from "./writer-workload.ts";

const [storePath, seedText = "1"] = process.argv.slice(2);
if (!storePath) throw new Error("usage: store-writer.ts STORE_PATH SEED");
let state = Number(seedText) >>> 0 || 1;
const random = (): number => {
  // xorshift32: deterministic per seed
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};

const store = openStore(storePath);
const existing = listSessions(store)[0];
const sessionId = existing?.id ?? createSession(store, { specName: "crash", specHash: "h", repoPath: "/repo", rootCommit: "abc", status: "running" }).session.id;
process.stdout.write(`session ${sessionId}\n`);

const ids = store.db.prepare("SELECT id FROM nodes WHERE session_id = ? ORDER BY created_at, id").pluck().all(sessionId) as string[];
for (;;) {
  const k = ids.length; // the root is k = 0; nodes are whole or absent, so the count is exact
  const parentId = ids[Math.floor(random() * ids.length)] as string;
  const node = addNode(store, {
    parentId,
    hypothesis: { kind: "manual", editBlocks: workloadBlocks(k) },
    provenance: { generator: "manual", tokensIn: k, tokensOut: 2 * k, tokensCached: 0, costUsd: k / 1000, latencyMs: 1 },
    changes: workloadChanges(k),
  });
  ids.push(node.id);
  updateNode(store, node.id, { state: "checking" });
  // one node in four is left checking, as a crash during its check would leave it
  if (random() >= 0.25) {
    updateNode(store, node.id, {
      state: "scored",
      score: { value: k, sitesLeft: 100 - (k % 100), gatesHeld: true, parts: { sites: k } },
      checks: [
        { name: "typecheck", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: k % 3, durationMs: 5 },
        { name: "tests", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: 0, durationMs: 50 },
        { name: "lint", mode: "score", status: "failed", newFailures: 1, fixedFailures: 0, baselineFailures: 0, durationMs: 9 },
      ],
      pinned: random() < 0.1,
    });
  }
  process.stdout.write(`node ${k}\n`);
}
