import { afterAll, describe, expect, it } from "vitest";
import { getTree } from "./get-tree.ts";
import { markInterruptedNodes } from "./mark-interrupted-nodes.ts";
import { openStore } from "./open-store.ts";
import { tempStoreDir } from "./testing/temp-store.ts";
import { verifyWorkloadStore } from "./testing/verify-store.ts";
import { startWriter } from "./testing/writer-process.ts";

const temp = tempStoreDir();
afterAll(() => temp.remove());

/** mulberry32: the kill delays are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe("store crash safety", () => {
  it("survives a writer SIGKILLed at random moments: intact file, whole nodes, a log that matches", { timeout: 180_000 }, async () => {
    const random = seeded(20_261_126);
    const storePath = temp.file();
    let sessionId = "";
    const counts: number[] = [];
    for (let round = 0; round < 8; round++) {
      const writer = startWriter(storePath, 1000 + round);
      sessionId = (await writer.waitForLine(/^session /)).slice("session ".length);
      // let it write a few nodes, then kill it somewhere inside its loop
      await writer.waitForLine(/^node /);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(random() * 300)));
      const end = await writer.kill();
      expect(end, end.stderr).toMatchObject({ signal: "SIGKILL", code: null });

      const store = openStore(storePath);
      try {
        const tree = verifyWorkloadStore(store, sessionId);
        counts.push(Object.keys(tree.nodes).length);
        const interrupted = markInterruptedNodes(store, sessionId);
        const after = getTree(store, sessionId);
        expect(Object.values(after.nodes).filter((node) => node.state === "checking")).toEqual([]);
        expect(interrupted.every((node) => after.nodes[node.id]?.state === "pending")).toBe(true);
        verifyWorkloadStore(store, sessionId);
      } finally {
        store.close();
      }
    }
    // every round added nodes on top of the last
    expect(counts.every((count, index) => index === 0 || count > (counts[index - 1] ?? 0))).toBe(true);
  });
});
