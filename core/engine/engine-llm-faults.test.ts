// The engine against a scripted OpenAI-compatible server: every kind of reply a model or an
// endpoint gives, in one expansion. Host runner (real processes, real git, real SQLite); the
// Docker path is covered by the *.docker.test.ts suites.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Node } from "../../shared/domain/node.ts";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import type { ScriptedOpenAiServer, ScriptedReply } from "../generators/testing/scripted-openai-server.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { exitCodeFor, exitCodes } from "../hosts/cli/exit-codes.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { breakingReply, correctReply, driftedReply, malformedReply, outsideReply, wrongReply } from "./testing/sample-replies.ts";
import { llmGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let server: ScriptedOpenAiServer;
let engine: Engine;

/** What sample n (0-based) answers on its k-th request (0-based). */
const script: ((attempt: number) => ScriptedReply)[] = [
  () => ({ kind: "text", content: correctReply }),
  () => ({ kind: "text", content: driftedReply }),
  () => ({ kind: "text", content: wrongReply }),
  () => ({ kind: "text", content: malformedReply }),
  (attempt) => (attempt === 0 ? { kind: "error", status: 429, retryAfterSeconds: 0 } : { kind: "text", content: correctReply }),
  () => ({ kind: "error", status: 500 }),
  () => ({ kind: "hang" }),
  () => ({ kind: "text", content: breakingReply }),
  () => ({ kind: "text", content: outsideReply }),
];

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  const attempts = new Map<number, number>();
  server = await startScriptedOpenAiServer({
    replies: (request) => {
      const sample = Number(/\(Sample (\d+) of/.exec(request.body?.messages[1]?.content ?? "")?.[1] ?? "1") - 1;
      const attempt = attempts.get(sample) ?? 0;
      attempts.set(sample, attempt + 1);
      return script[sample]?.(attempt) ?? { kind: "error", status: 400, message: "no script" };
    },
  });
  engine = createEngine({
    store,
    sandbox: { kind: "host" },
    env: {},
    llm: { timeoutMs: 1500, retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 1000 } },
  });
});

afterEach(async () => {
  await engine.close();
  await server.close();
  store.close();
  temp.remove();
  await repo.remove();
});

describe("engine with a scripted LLM", () => {
  it("keeps going through correct, drifted, wrong, malformed, outside-the-repository, 429, 500 and hanging replies, and reaches a solution", async () => {
    const specPath = writeSampleSpec({ generators: llmGenerators(server.baseUrl), beamWidth: 1, hypothesesPerNode: script.length, maxDepth: 2 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    const done = await engine.settled(session.id);
    expect(engine.failure(session.id)).toBeUndefined();
    expect(done.status).toBe("done");
    expect(done.reason).toMatch(/^solution: node /);

    const nodes = Object.values(getTree(store, session.id).nodes).filter((node) => node.depth === 1);
    const llm = (node: Node) => (node.hypothesis.kind === "llm" ? node.hypothesis.editBlocks : "");
    // correct, drifted and 429-then-correct are one change: one node with three votes, the solution
    const solution = nodes.find((node) => node.state === "scored")!;
    expect(solution).toMatchObject({ votes: 3, score: { sitesLeft: 0, gatesHeld: true } });
    expect(done.reason).toContain(solution.id);
    // a wrong SEARCH and prose: invalid, with the applier's reason after one repair round
    const invalid = nodes.filter((node) => node.state === "invalid");
    expect(invalid.map((node) => node.reason).join("\n")).toMatch(/after one repair round/);
    expect(invalid.some((node) => llm(node).includes("console.debug"))).toBe(true);
    expect(invalid.some((node) => llm(node).startsWith("Sure!"))).toBe(true);
    // edits that apply but break a test: invalid by the tests gate, relative to the baseline
    const gated = invalid.find((node) => llm(node).includes('join(", ")'));
    expect(gated?.reason).toMatch(/^gate tests: 1 new failure/);
    expect(gated?.checks.find((check) => check.name === "tests")).toMatchObject({ status: "failed", newFailures: 1 });
    // the endpoint's 500 and the hang: infrastructure, never scored as wrong hypotheses
    const infra = nodes.filter((node) => node.state === "failed-infra");
    expect(infra.map((node) => node.reason).sort()).toEqual([expect.stringMatching(/^endpoint-error: .*500/), expect.stringMatching(/^timeout: /)]);
    // a path outside the repository: refused, nothing written outside
    const outside = invalid.find((node) => llm(node).startsWith("../outside.js"));
    expect(outside?.reason).toMatch(/\.\.\/outside\.js/);
    expect(existsSync(path.join(repo.path, "..", "outside.js"))).toBe(false);
    expect(nodes).toHaveLength(1 + 4 + 2);
    expect(server.chatRequests().length).toBeGreaterThanOrEqual(script.length);
  }, 60_000);

  it("fails the session as infrastructure (llm-unreachable, exit 3) when the endpoint cannot be reached, saying what to check", async () => {
    const down = await startScriptedOpenAiServer();
    const baseUrl = down.baseUrl;
    await down.close(); // nothing listens there any more
    const specPath = writeSampleSpec({ generators: llmGenerators(baseUrl), beamWidth: 1, hypothesesPerNode: 2, maxDepth: 2 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    const ended = await engine.settled(session.id);
    expect(ended.status).toBe("failed");
    expect(engine.failure(session.id)).toEqual({
      code: "llm-unreachable",
      message: `the LLM endpoint ${baseUrl} could not be reached (ECONNREFUSED): check that the server runs there (generators.llm.baseUrl or OPENAI_BASE_URL) and that this machine can reach it, then forklift resume`,
    });
    expect(exitCodeFor("llm-unreachable")).toBe(exitCodes.infrastructure);
    // nothing recorded for the root's expansion: it is expanded again on resume
    expect(Object.values(getTree(store, session.id).nodes)).toHaveLength(1);
  }, 60_000);
});
