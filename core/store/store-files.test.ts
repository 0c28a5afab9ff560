// Migration 3 of the store: its own id, file contents as bytes with their git mode (executables
// and symlinks), contents checked against their hash on the way out, and session leases.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAccumulatedChanges, getAccumulatedFiles, getChangeset, getChangesetFiles } from "./changesets.ts";
import { addNode } from "./nodes.ts";
import { openStore } from "./open-store.ts";
import type { Store } from "./open-store.ts";
import { acquireLease, getLease, releaseLease, renewLease } from "./session-lease.ts";
import { createSession } from "./sessions.ts";
import { storeId } from "./store-id.ts";
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

const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe, 0x0a]);

describe("store files as bytes", () => {
  it("has its own id, kept across opens and different for another store", () => {
    const id = storeId(store);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    store.close();
    store = openStore(temp.file());
    expect(storeId(store)).toBe(id);
    const other = openStore(temp.file("other.db"));
    expect(storeId(other)).not.toBe(id);
    other.close();
  });

  it("keeps the root's binary, executable and symlink files exactly, and shows text views without the link", () => {
    const rootChanges = {
      "logo.png": { mode: "100644" as const, content: bytes },
      "run.sh": { mode: "100755" as const, content: Buffer.from("#!/bin/sh\n") },
      "link": { mode: "120000" as const, content: Buffer.from("src/a.ts") },
      "gone.ts": null,
    };
    const { root } = createSession(store, { specName: "s", specHash: "h", repoPath: "/r", rootCommit: "c", rootChanges });
    expect(getChangesetFiles(store, root.id)).toEqual({ ...rootChanges, "logo.png": { mode: "100644", content: bytes } });
    const child = addNode(store, { parentId: root.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { "src/a.ts": "x\n" } });
    const files = getAccumulatedFiles(store, child.id);
    expect(Buffer.compare(files["logo.png"]!.content, bytes)).toBe(0);
    expect(files["run.sh"]?.mode).toBe("100755");
    expect(files["src/a.ts"]).toEqual({ mode: "100644", content: Buffer.from("x\n") });
    // text readers (generators, site counting) never read a symlink's target as a file
    expect(getChangeset(store, root.id).link).toBeNull();
    expect(getAccumulatedChanges(store, child.id)["run.sh"]).toBe("#!/bin/sh\n");
    // the mode is part of the changeset's identity
    const sameBytesOtherMode = createSession(store, { specName: "s", specHash: "h", repoPath: "/r", rootCommit: "c", rootChanges: { ...rootChanges, "run.sh": { mode: "100644", content: Buffer.from("#!/bin/sh\n") } } });
    expect(sameBytesOtherMode.root.changesetHash).not.toBe(root.changesetHash);
  });

  it("refuses to hand out a content that no longer matches its hash", () => {
    const { root } = createSession(store, { specName: "s", specHash: "h", repoPath: "/r", rootCommit: "c", rootChanges: { "a.bin": { mode: "100644", content: bytes } } });
    store.db.prepare("UPDATE blobs SET content = ?").run(Buffer.from("tampered"));
    expect(() => getAccumulatedFiles(store, root.id)).toThrow(expect.objectContaining({ code: "store-corrupt", message: expect.stringMatching(/the stored content of a\.bin does not match its hash/) }));
  });
});

describe("session leases", () => {
  const claim = (owner: string, pid = 100) => ({ owner, pid, host: "h" });

  it("lets one owner hold a session, refuses a second while the first is alive, and hands over from a stale one", () => {
    const { session } = createSession(store, { specName: "s", specHash: "h", repoPath: "/r", rootCommit: "c" });
    expect(acquireLease(store, session.id, claim("a"), () => false, 1000)).toEqual({ kind: "acquired", takenOver: undefined });
    expect(acquireLease(store, session.id, claim("b", 200), () => false, 2000)).toEqual({ kind: "held", holder: { owner: "a", pid: 100, host: "h", acquiredAt: 1000, heartbeatAt: 1000 } });
    expect(renewLease(store, session.id, "a", 3000)).toBe(true);
    expect(getLease(store, session.id)?.heartbeatAt).toBe(3000);
    const taken = acquireLease(store, session.id, claim("b", 200), (holder) => holder.heartbeatAt < 3500, 4000);
    expect(taken).toMatchObject({ kind: "acquired", takenOver: { owner: "a" } });
    expect(renewLease(store, session.id, "a", 5000)).toBe(false); // the old owner learns it lost the lease
    releaseLease(store, session.id, "a"); // not its own: nothing happens
    expect(getLease(store, session.id)?.owner).toBe("b");
    releaseLease(store, session.id, "b");
    expect(getLease(store, session.id)).toBeUndefined();
  });
});
