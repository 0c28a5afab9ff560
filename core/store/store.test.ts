import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyTreeDelta } from "../../shared/domain/apply-tree-delta.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { hashContent } from "./blobs.ts";
import { getAccumulatedChanges, getChangeset, materializeFiles } from "./changesets.ts";
import { lastEventSeq, listEvents } from "./events.ts";
import { getTree } from "./get-tree.ts";
import { interruptedReason, markInterruptedNodes } from "./mark-interrupted-nodes.ts";
import { migrations } from "./migrations.ts";
import { addNode, getNode, updateNode } from "./nodes.ts";
import { openStore } from "./open-store.ts";
import type { Store } from "./open-store.ts";
import { createSession, listSessions, updateSession } from "./sessions.ts";
import { tempStoreDir, testProvenance } from "./testing/temp-store.ts";

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
beforeEach(() => {
  temp = tempStoreDir();
  store = openStore(temp.file());
});
afterEach(() => {
  store.close();
  temp.remove();
});

const newSession = () => createSession(store, { specName: "console-to-logger", specHash: "h", repoPath: "/repo", rootCommit: "abc" });
const score = (value: number) => ({ value, sitesLeft: 2, gatesHeld: true, parts: { sites: value } });

describe("store", () => {
  it("opens in WAL mode with foreign keys on, at the newest schema", () => {
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("user_version", { simple: true })).toBe(migrations.length);
  });

  it("creates a session with its root, and adds nodes whose content is stored once", () => {
    const { session, root } = newSession();
    expect(root).toMatchObject({ sessionId: session.id, depth: 0, state: "pending", hypothesis: { kind: "root" }, pinned: false, votes: 1 });
    const same = "export const x = 1;\n";
    const a = addNode(store, { parentId: root.id, hypothesis: { kind: "llm", editBlocks: "<<<" }, provenance: { ...testProvenance, generator: "llm", model: "m", tokensIn: 10 }, changes: { "src/a.ts": same, "src/b.ts": same, "old.ts": null } });
    const b = addNode(store, { parentId: root.id, hypothesis: { kind: "recipe", ruleId: "r", fixId: "f" }, provenance: testProvenance, changes: { "src/b.ts": same, "src/a.ts": same, "old.ts": null } });
    expect(a.depth).toBe(1);
    expect(a.changesetHash).toBe(b.changesetHash); // same changes, same hash, whatever the order
    expect(store.db.prepare("SELECT count(*) FROM blobs").pluck().get()).toBe(1);
    expect(store.db.prepare("SELECT hash FROM blobs").pluck().get()).toBe(hashContent(same));
    expect(getChangeset(store, a.id)).toEqual({ "old.ts": null, "src/a.ts": same, "src/b.ts": same });
    expect(getNode(store, a.id)).toEqual(a);
    expect(getNode(store, "nope")).toBeUndefined();
  });

  it("materializes a node as the root files plus the changesets along its ancestors", () => {
    const { root } = newSession();
    const one = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "a.js": "a1", "gone.js": null, "new.js": "n1" } });
    const two = addNode(store, { parentId: one.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "a.js": "a2", "new.js": null, "gone.js": "back" } });
    const sibling = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "b.js": "b9" } });
    expect(getAccumulatedChanges(store, two.id)).toEqual({ "a.js": "a2", "gone.js": "back", "new.js": null });
    const rootFiles = { "a.js": "a0", "b.js": "b0", "gone.js": "g0" };
    expect(materializeFiles(store, one.id, rootFiles)).toEqual({ "a.js": "a1", "b.js": "b0", "new.js": "n1" });
    expect(materializeFiles(store, two.id, rootFiles)).toEqual({ "a.js": "a2", "b.js": "b0", "gone.js": "back" });
    expect(materializeFiles(store, sibling.id, rootFiles)).toEqual({ "a.js": "a0", "b.js": "b9", "gone.js": "g0" });
    expect(materializeFiles(store, root.id, rootFiles)).toEqual(rootFiles);
  });

  it("refuses paths that could leave the repository, and unknown parents", () => {
    const { root } = newSession();
    for (const path of ["../x", "/etc/passwd", "a//b", "a/./b", "a\\b", ""]) {
      expect(() => addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { [path]: "x" } })).toThrow(
        expect.objectContaining({ code: "path-outside-repo" }),
      );
    }
    expect(() => addNode(store, { parentId: "missing", hypothesis: { kind: "manual" }, provenance: testProvenance, changes: {} })).toThrow(
      expect.objectContaining({ code: "not-found" }),
    );
    expect(store.db.prepare("SELECT count(*) FROM nodes").pluck().get()).toBe(1);
  });

  it("updates state, score, checks, pin and checkpoint, and refuses a transition the node's life does not allow", () => {
    const { root } = newSession();
    const node = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "a.js": "1" } });
    updateNode(store, node.id, { state: "checking" });
    const checks = [
      { name: "typecheck", mode: "gate" as const, status: "passed" as const, newFailures: 0, fixedFailures: 1, baselineFailures: 2, durationMs: 40 },
      { name: "tests", mode: "gate" as const, status: "error" as const, newFailures: 0, fixedFailures: 0, baselineFailures: 0, durationMs: 9, detail: "docker died" },
    ];
    const scored = updateNode(store, node.id, { state: "scored", score: score(3), checks, pinned: true, checkpointImageId: "sha256:img" });
    expect(scored).toMatchObject({ state: "scored", score: score(3), checks, pinned: true, checkpointImageId: "sha256:img" });
    expect(getNode(store, node.id)).toEqual(scored);
    expect(updateNode(store, node.id, { checkpointImageId: null }).checkpointImageId).toBeUndefined();
    expect(() => updateNode(store, node.id, { state: "checking" })).toThrow(/is scored; it cannot become checking/);
    expect(() => updateNode(store, node.id, { checks: [...checks, checks[0]!] })).toThrow(/same name/);
    const pruned = updateNode(store, node.id, { state: "pruned", reason: "below the beam" });
    expect(pruned.reason).toBe("below the beam");
    expect(() => updateNode(store, node.id, { state: "pending" })).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });

  it("writes nothing for an update that changes nothing", () => {
    const { root } = newSession();
    const seq = lastEventSeq(store);
    expect(updateNode(store, root.id, { state: "pending", pinned: false })).toEqual(root);
    expect(lastEventSeq(store)).toBe(seq);
  });

  it("keeps an event log that replays to the same tree as a snapshot", () => {
    const { session, root } = newSession();
    const start: Tree = { session, nodes: {}, seq: 0 };
    const a = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "a.js": "1" } });
    updateNode(store, a.id, { state: "checking" });
    updateNode(store, a.id, { state: "scored", score: score(1), checks: [] });
    updateSession(store, session.id, { status: "paused", reason: "by the user" });
    const other = createSession(store, { specName: "x", specHash: "h2", repoPath: "/other", rootCommit: "def" });
    const events = listEvents(store);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.map((event) => event.kind)).toEqual(["session-updated", "node-added", "node-added", "node-updated", "node-updated", "session-updated", "session-updated", "node-added"]);
    const replayed = events.reduce(applyTreeDelta, start);
    expect(replayed).toEqual(getTree(store, session.id));
    expect(listEvents(store, { sessionId: other.session.id }).map((event) => event.seq)).toEqual([7, 8]);
    expect(listEvents(store, { since: 6, limit: 1 }).map((event) => event.seq)).toEqual([7]);
    expect(() => store.db.prepare("DELETE FROM events").run()).toThrow(/append-only/);
    expect(listSessions(store).map((s) => s.id).sort()).toEqual([other.session.id, session.id].sort());
  });

  it("sends nodes left checking back to pending on resume", () => {
    const { session, root } = newSession();
    updateNode(store, root.id, { state: "checking" });
    const a = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: {} });
    const marked = markInterruptedNodes(store, session.id);
    expect(marked.map((node) => [node.id, node.state, node.reason])).toEqual([[root.id, "pending", interruptedReason]]);
    expect(getNode(store, a.id)?.state).toBe("pending");
    expect(markInterruptedNodes(store, session.id)).toEqual([]);
  });

  it("rolls a failed write back whole: no node without its changeset or event", () => {
    const { root } = newSession();
    const seq = lastEventSeq(store);
    const huge = "x".repeat(10_000);
    expect(() =>
      addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: { ...testProvenance, tokensIn: -1 }, changes: { "a.js": huge } }),
    ).toThrow(/tokensIn/);
    expect(store.db.prepare("SELECT count(*) FROM nodes").pluck().get()).toBe(1);
    expect(store.db.prepare("SELECT count(*) FROM blobs").pluck().get()).toBe(0);
    expect(lastEventSeq(store)).toBe(seq);
  });
});

describe("openStore", () => {
  it("refuses a store from a newer Forklift, a non-store database and a file that is not SQLite", async () => {
    store.close();
    const newer = new Database(temp.file());
    newer.pragma(`user_version = ${migrations.length + 1}`);
    newer.close();
    expect(() => openStore(temp.file())).toThrow(expect.objectContaining({ code: "store-too-new", message: expect.stringContaining("newer Forklift") }));

    const foreign = new Database(temp.file("foreign.db"));
    foreign.exec("CREATE TABLE t (x)");
    foreign.close();
    expect(() => openStore(temp.file("foreign.db"))).toThrow(expect.objectContaining({ code: "store-corrupt" }));

    const { writeFileSync } = await import("node:fs");
    writeFileSync(temp.file("junk.db"), "this is not a database, just text that is long enough to look like a header ".repeat(20));
    expect(() => openStore(temp.file("junk.db"))).toThrow(expect.objectContaining({ code: "store-corrupt" }));
    store = openStore(temp.file("fresh.db"));
  });

  it("upgrades an older store step by step and reopens without migrating again", () => {
    store.close();
    const old = new Database(temp.file("old.db"));
    old.pragma("user_version = 0");
    old.close();
    store = openStore(temp.file("old.db"));
    expect(store.db.pragma("user_version", { simple: true })).toBe(migrations.length);
    store.close();
    store = openStore(temp.file("old.db"));
    expect(store.db.pragma("user_version", { simple: true })).toBe(migrations.length);
  });

  it("opens read-only beside a writer and sees its commits", () => {
    const { session, root } = newSession();
    const reader = openStore(temp.file(), { readonly: true });
    try {
      expect(getTree(reader, session.id).nodes[root.id]).toEqual(root);
      const a = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "a.js": "1" } });
      expect(getNode(reader, a.id)).toEqual(a);
      expect(() => reader.db.prepare("DELETE FROM nodes").run()).toThrow(/readonly/);
    } finally {
      reader.close();
    }
  });
});
