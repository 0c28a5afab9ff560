import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GeneratedHypothesis } from "../generators/index.ts";
import { emptyProvenance } from "../generators/index.ts";
import { createSession, getSessionSetting, getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { mergedStatesKey, recordChildren } from "./record-children.ts";

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

const edit = (changes: Record<string, string>, sample = 0): GeneratedHypothesis => ({
  kind: "valid",
  sample,
  changes,
  source: { kind: "recipe", ruleId: "r", fixId: "f" },
  provenance: emptyProvenance("recipe"),
});

describe("recordChildren", () => {
  it("merges a hypothesis whose files equal another node's (the same edits in another order): judged once, drawn once", () => {
    const { session, root } = createSession(store, { specName: "s", specHash: "h", repoPath: "/repo", rootCommit: "abc" });
    const [a, b] = recordChildren(store, session.id, root.id, [edit({ "a.ts": "A" }), edit({ "b.ts": "B" }, 1)]).pending;
    const ab = recordChildren(store, session.id, a!.id, [edit({ "b.ts": "B" })]);
    expect(ab).toMatchObject({ merged: 0, pending: [{ depth: 2 }] });
    // b then a reaches the same files as a then b: a vote for that node, no new node to check
    const ba = recordChildren(store, session.id, b!.id, [edit({ "a.ts": "A" }), edit({ "a.ts": "A2" }, 1)]);
    expect(ba.merged).toBe(1);
    expect(ba.nodes[0]!.id).toBe(ab.pending[0]!.id);
    expect(ba.nodes[0]!.votes).toBe(2);
    expect(ba.pending.map((node) => node.parentId)).toEqual([b!.id]); // the other one is new
    expect(Object.keys(getTree(store, session.id).nodes)).toHaveLength(5); // root, a, b, ab, b→A2
    expect(getSessionSetting(store, session.id, mergedStatesKey)).toBe("1");
  });
});
