/**
 * A scripted engine for the renderer's store tests, served over the real serveRpc and an
 * in-process transport: the renderer may not import core/, so its tests answer from a small
 * in-memory tree instead of the real engine (the e2e suite drives the real one). Each test can
 * push events, cut the line and look at what was called.
 */
import { ForkliftError } from "../../../shared/errors.ts";
import type { Node } from "../../../shared/domain/node.ts";
import type { Session } from "../../../shared/domain/session.ts";
import type { TreeDelta } from "../../../shared/domain/tree-delta.ts";
import type { EngineApi, EngineEvent } from "../../../shared/protocol/contract.ts";
import { serveRpc } from "../../../shared/protocol/serve-rpc.ts";
import { createInProcessTransportPair } from "../../../shared/protocol/wire.ts";
import type { Dialer } from "../engine/engine-link.ts";

/** A tree delta before the engine numbers it. */
export type UnnumberedDelta = TreeDelta extends infer D ? (D extends TreeDelta ? Omit<D, "seq"> : never) : never;

/** What a test controls. */
export interface ScriptedEngine {
  dialer: Dialer;
  sessions: Session[];
  nodes: Map<string, Node>;
  seq: number;
  calls: Array<{ method: string; request: unknown }>;
  /** Records a change and pushes it as a tree/delta event (unless `silently`: a missed event). */
  change(delta: UnnumberedDelta, options?: { silently?: boolean }): void;
  push(event: EngineEvent): void;
  /** Cuts the line (the link reconnects). */
  drop(): void;
}

/** A scripted engine holding these sessions and nodes. */
export function scriptedEngine(sessions: Session[], nodes: Node[]): ScriptedEngine {
  const subscribers = new Set<(event: EngineEvent) => void>();
  let drop: (() => void) | undefined;
  const engine: ScriptedEngine = {
    sessions,
    nodes: new Map(nodes.map((node) => [node.id, node])),
    seq: 0,
    calls: [],
    dialer: {
      via: "websocket",
      dial({ opened, closed }) {
        const [client, server] = createInProcessTransportPair();
        const stop = serveRpc(server, recording(api), { subscribe: (listener) => (subscribers.add(listener), () => subscribers.delete(listener)) });
        drop = () => {
          stop();
          closed("line cut by the test");
        };
        queueMicrotask(() => opened(client));
        return { close: () => drop?.() };
      },
    },
    change(delta, options = {}) {
      const full = { ...delta, seq: ++engine.seq } as TreeDelta;
      if (full.kind === "session-updated") engine.sessions = engine.sessions.map((session) => (session.id === full.session.id ? full.session : session));
      else engine.nodes.set(full.node.id, full.node);
      if (!options.silently) engine.push({ name: "tree/delta", payload: full });
    },
    push: (event) => subscribers.forEach((listener) => listener(event)),
    drop: () => drop?.(),
  };
  const node = (nodeId: string) => {
    const found = engine.nodes.get(nodeId);
    if (!found) throw new ForkliftError("not-found", `no node ${nodeId}`);
    return found;
  };
  const api = {
    "session/list": async () => engine.sessions,
    "tree/get": async ({ sessionId }) => {
      const session = engine.sessions.find((candidate) => candidate.id === sessionId);
      if (!session) throw new ForkliftError("not-found", `no session ${sessionId}`);
      const own = [...engine.nodes.values()].filter((candidate) => candidate.sessionId === sessionId);
      return { session, nodes: Object.fromEntries(own.map((candidate) => [candidate.id, candidate])), seq: engine.seq };
    },
    "session/info": async ({ sessionId }) => ({
      session: engine.sessions.find((candidate) => candidate.id === sessionId)!,
      specPath: "/specs/migrate.yml",
      goal: "migrate",
      generators: ["recipe"],
      budgets: { tokens: 1000 },
      spent: { tokens: 10, usd: 0, wallMs: 1000 },
      sitesAtRoot: 4,
      live: true,
    }),
    "node/diff": async ({ nodeId, against }) => ({ files: [{ path: `src/${nodeId}.ts`, before: `// ${against}\n`, after: `// ${nodeId}\n` }], patch: "" }),
    "node/checks": async ({ nodeId }) => ({ checks: node(nodeId).checks.map((summary) => ({ summary, newFailures: [], fixedFailures: [], outputTruncated: false })) }),
    "node/prune": async ({ nodeId }) => {
      const pruned = { ...node(nodeId), state: "pruned" as const };
      engine.change({ kind: "node-updated", node: pruned });
      return pruned;
    },
    "node/apply": async () => {
      throw new ForkliftError("repo-dirty", "the repository has uncommitted changes: commit or stash them first");
    },
  } as Partial<EngineApi> as EngineApi;
  const recording = (inner: EngineApi): EngineApi =>
    new Proxy(inner, {
      get(target, method: string) {
        const handler = target[method as keyof EngineApi] as ((request: unknown) => Promise<unknown>) | undefined;
        return async (request: unknown) => {
          engine.calls.push({ method, request });
          if (!handler) throw new ForkliftError("internal", `${method} is not scripted`);
          return handler(request);
        };
      },
    });
  return engine;
}
