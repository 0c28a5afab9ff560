import { afterAll, describe, expect, it } from "vitest";
import { applyTreeDelta } from "../../shared/domain/apply-tree-delta.ts";
import { getTree } from "./get-tree.ts";
import { openStore } from "./open-store.ts";
import { tempStoreDir } from "./testing/temp-store.ts";
import { allEvents, verifyWorkloadStore } from "./testing/verify-store.ts";
import { startWriter } from "./testing/writer-process.ts";

const temp = tempStoreDir();
afterAll(() => temp.remove());

describe("store concurrency", () => {
  it("lets another process read consistent snapshots while a writer process commits", { timeout: 60_000 }, async () => {
    const storePath = temp.file();
    const writer = startWriter(storePath, 7);
    try {
      const sessionId = (await writer.waitForLine(/^session /)).slice("session ".length);
      const reader = openStore(storePath, { readonly: true });
      try {
        let tree = getTree(reader, sessionId);
        const first = Object.keys(tree.nodes).length;
        let reads = 0;
        const until = Date.now() + 3000;
        while (Date.now() < until || Object.keys(tree.nodes).length < first + 5) {
          const next = getTree(reader, sessionId);
          // the snapshot is what the old one becomes with the events between them
          const events = allEvents(reader, sessionId, tree.seq, next.seq);
          expect(events.reduce(applyTreeDelta, tree)).toEqual(next);
          for (const node of Object.values(next.nodes)) if (node.parentId !== undefined) expect(next.nodes[node.parentId]).toBeDefined();
          expect(Object.keys(next.nodes).length).toBeGreaterThanOrEqual(Object.keys(tree.nodes).length);
          tree = next;
          reads++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        expect(reads).toBeGreaterThan(10);
        expect(Object.keys(tree.nodes).length).toBeGreaterThan(first);
      } finally {
        reader.close();
      }
      await writer.kill();
      const store = openStore(storePath, { readonly: true });
      try {
        verifyWorkloadStore(store, sessionId);
      } finally {
        store.close();
      }
    } finally {
      await writer.kill();
    }
  });
});
