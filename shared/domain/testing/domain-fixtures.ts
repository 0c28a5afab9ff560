import type { Node } from "../node.ts";
import type { Session } from "../session.ts";
import type { Tree } from "../tree.ts";

/** A session for tests of tree functions. */
export function testSession(overrides: Partial<Session> = {}): Session {
  return {
    id: "s1",
    specName: "console-to-logger",
    specHash: "spec-hash",
    repoPath: "/repo",
    rootCommit: "c0ffee",
    status: "running",
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A scored node for tests of tree functions; `parentId` undefined makes a root. */
export function testNode(id: string, parentId: string | undefined, overrides: Partial<Node> = {}): Node {
  return {
    id,
    sessionId: "s1",
    parentId,
    depth: 0,
    changesetHash: `hash-${id}`,
    hypothesis: parentId === undefined ? { kind: "root" } : { kind: "manual" },
    checks: [],
    votes: 1,
    state: "scored",
    pinned: false,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A tree holding these nodes at seq 0. */
export function testTree(nodes: Node[]): Tree {
  return { session: testSession(), nodes: Object.fromEntries(nodes.map((node) => [node.id, node])), seq: 0 };
}
