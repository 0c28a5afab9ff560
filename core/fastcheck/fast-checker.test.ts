import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import type { AgentTransport, FastChecker, FastCheckerEvent } from "./index.ts";
import { createFastChecker, createLocalAgentTransport } from "./index.ts";
import { renderTsModule } from "./testing/render-ts-module.ts";
import type { TempTsProject } from "./testing/temp-ts-project.ts";
import { createTempTsProject } from "./testing/temp-ts-project.ts";
import { generatedTsconfig } from "./testing/write-ts-project.ts";

// The driver against the real agent in a local child process. Killing the agent's process is the
// one fault these tests inject (the agent cannot be made to crash otherwise); they are named so.

describe("fast checker (local agent)", () => {
  let project: TempTsProject;
  let checker: FastChecker | undefined;
  let events: FastCheckerEvent[];

  const start = (options: Partial<Parameters<typeof createFastChecker>[0]> = {}) => {
    events = [];
    checker = createFastChecker({
      transport: createLocalAgentTransport({ repoDir: project.dir }),
      onEvent: (event) => events.push(event),
      ...options,
    });
    return checker;
  };
  const started = () => events.filter((event) => event.type === "agent-started");
  const module = (index: number) => {
    const found = project.plan.modules[index];
    if (!found) throw new Error(`no module ${index}`);
    return found;
  };
  const breaking = () => ({ [module(3).path]: renderTsModule(project.plan, 3, "wrong-argument-type") });

  beforeAll(async () => {
    project = await createTempTsProject({ files: 10, seed: 21 });
  });
  afterEach(async () => {
    await checker?.close();
    checker = undefined;
  });
  afterAll(() => project?.remove());

  it("starts the agent on demand and answers a check with diagnostics and checked files", async () => {
    const result = await start().check(breaking());
    expect(result).toMatchObject({ status: "checked", files: [module(3).path], diagnostics: [{ file: module(3).path, code: 2345 }] });
    expect(started()).toHaveLength(1);
  });

  it("rejects paths that leave the repository before sending anything", () => {
    const fast = start();
    for (const bad of ["/etc/passwd", "../x.ts", "src/../../x.ts", "src\\a.ts", "src//a.ts"]) {
      expect(() => fast.check({ [bad]: "x" })).toThrow(ForkliftError);
    }
    expect(started()).toHaveLength(0);
  });

  it("fault injection: the agent killed during a request restarts and the request is retried once", async () => {
    const fast = start();
    const ready = await fast.start();
    if (ready.status !== "ready") throw new Error(JSON.stringify(ready));
    const pending = fast.check(breaking());
    process.kill(ready.hello.pid, "SIGKILL");
    expect(await pending).toMatchObject({ status: "checked", diagnostics: [{ code: 2345 }] });
    expect(events.map((event) => event.type)).toEqual(["agent-started", "agent-exited", "request-retried", "agent-started"]);
    expect(events[1]).toMatchObject({ expected: false, exit: { signal: "SIGKILL" } });
  }, 60_000);

  it("fault injection: a second death on the same request is an infra result, and the next check recovers", async () => {
    let killNextStart = false;
    const fast = start({
      onEvent: (event) => {
        events.push(event);
        if (event.type === "agent-started" && killNextStart) {
          killNextStart = false;
          process.kill(event.hello.pid, "SIGKILL");
        }
      },
    });
    const ready = await fast.start();
    if (ready.status !== "ready") throw new Error(JSON.stringify(ready));
    killNextStart = true;
    const pending = fast.check(breaking());
    process.kill(ready.hello.pid, "SIGKILL");
    expect(await pending).toMatchObject({ status: "infra", reason: "agent-crashed" });
    expect(await fast.check(breaking())).toMatchObject({ status: "checked" });
    expect(started()).toHaveLength(3);
  }, 60_000);

  it("times out a request as infra, cancels it in the agent and keeps the agent", async () => {
    const fast = start({ requestTimeoutMs: 1 });
    await fast.start();
    const hubChange = { [module(0).path]: renderTsModule(project.plan, 0, "removed-property") };
    expect(await fast.check(hubChange)).toMatchObject({ status: "infra", reason: "timeout" });
    expect(await fast.check(breaking(), { timeoutMs: 30_000 })).toMatchObject({ status: "checked" });
    expect(started()).toHaveLength(1);
  }, 60_000);

  it("restarts an agent that stays busy past the grace time after a cancel", async () => {
    const fast = start({ requestTimeoutMs: 20, cancelGraceMs: 20 });
    await fast.start();
    // Parsing 30 MB is one synchronous step: the agent cannot read the cancel until it is done.
    const huge = { "src/huge.ts": "export const x = 1;\n".repeat(1_500_000) };
    expect(await fast.check(huge)).toMatchObject({ status: "infra", reason: "timeout" });
    expect(await fast.check(breaking(), { timeoutMs: 60_000 })).toMatchObject({ status: "checked" });
    expect(events.filter((event) => event.type === "agent-exited")).toMatchObject([{ expected: true }]);
    expect(started()).toHaveLength(2);
  }, 60_000);

  it("resolves an aborted check as cancelled", async () => {
    const fast = start();
    await fast.start();
    const controller = new AbortController();
    const pending = fast.check(breaking(), { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ status: "cancelled" });
    expect(await fast.check(breaking())).toMatchObject({ status: "checked" });
  });

  it("resolves open checks as cancelled on close", async () => {
    const fast = start();
    const pending = fast.check(breaking());
    await fast.close();
    expect(await pending).toEqual({ status: "cancelled" });
  });

  it("returns the baseline's diagnostics", async () => {
    expect(await start().baseline()).toMatchObject({ status: "checked", diagnostics: [] });
  });
});

describe("fast checker where it cannot work", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "forklift-fastcheck-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is unavailable (no-typescript) without restarting the agent for every check", async () => {
    await writeFile(path.join(dir, "tsconfig.json"), JSON.stringify(generatedTsconfig));
    let starts = 0;
    const local = createLocalAgentTransport({ repoDir: dir });
    const counting: AgentTransport = { description: local.description, start: () => (starts++, local.start()) };
    const fast = createFastChecker({ transport: counting });
    expect(await fast.start()).toMatchObject({ status: "unavailable", reason: "no-typescript" });
    expect(await fast.check({ "src/a.ts": "x" })).toMatchObject({ status: "unavailable", reason: "no-typescript" });
    expect(starts).toBe(1);
    await fast.close();
  });

  it("reports an agent that cannot be started as infra", async () => {
    const fast = createFastChecker({ transport: createLocalAgentTransport({ repoDir: dir, nodePath: path.join(dir, "no-such-node") }) });
    expect(await fast.check({ "src/a.ts": "x" })).toMatchObject({ status: "infra", reason: "agent-crashed" });
    await fast.close();
  });
});
