// What a sandbox cannot do (reach the host, exhaust processes or memory, outlive its timeout),
// and how each is reported, against the real Docker daemon.
import { connect, createServer, type Server, type Socket } from "node:net";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImageName } from "./base-image.ts";
import { isInfraFault, type Checkpoint } from "./index.ts";
import { makeSampleRepo, type TempRepo } from "./testing/sample-repo.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, fileSessions } = useDriver("isol");
let repo: TempRepo;
let checkpoint: Checkpoint;

beforeAll(async () => {
  repo = await makeSampleRepo();
  checkpoint = await driver().createCheckpoint({ session: `${fileSessions}-shared`, node: "root", repoPath: repo.path, image: baseImageName });
});

afterAll(async () => {
  if (checkpoint) await driver().removeCheckpoint(checkpoint);
  await repo?.remove();
});

describe("network", () => {
  let server: Server;
  let connections = 0;
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.on("error", () => undefined);
      socket.end("hello from the host\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "::", resolve));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a fork cannot connect to the host on any of its addresses, the docker0 bridge included", async () => {
    const bridge = await driver().client.api.getNetwork("bridge").inspect();
    // docker0 is down while no container uses it, so the host's interface list may omit it: ask Docker.
    const ipam = bridge.IPAM?.Config?.[0] as { Gateway?: string; Subnet?: string } | undefined;
    const gateway = ipam?.Gateway ?? ipam?.Subnet?.replace(/\.0\/\d+$/, ".1");
    const hostAddresses = Object.values(networkInterfaces())
      .flat()
      .flatMap((address) => (address ? [address.address] : []));
    const targets = [...new Set([...hostAddresses, ...(gateway ? [gateway] : []), "host.docker.internal"])];
    expect(targets.length).toBeGreaterThan(1);
    // The listener is real: from the host, the bridge address answers.
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.1$/);
    if (gateway) {
      await new Promise<void>((resolve, reject) => connect({ host: gateway, port }).on("connect", function (this: Socket) {
        this.destroy();
        resolve();
      }).on("error", reject));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(connections).toBe(1);
      connections = 0;
    }

    const sandbox = await driver().fork(checkpoint, { node: "net" });
    try {
      // Each attempt ends on an error or after 2 s; "connected" would be a hole.
      const probe = `
        const net = require("node:net");
        const targets = ${JSON.stringify(targets)};
        Promise.all(targets.map((host) => new Promise((resolve) => {
          const socket = net.connect({ host, port: ${port} });
          const done = (result) => { socket.destroy(); resolve(host + " " + result); };
          socket.setTimeout(2000, () => done("timeout"));
          socket.on("connect", () => done("connected"));
          socket.on("error", (error) => done(error.code));
        }))).then((lines) => console.log(lines.join("\\n")));
        console.error(Object.keys(require("node:os").networkInterfaces()).join(","));
      `;
      const result = await driver().exec(sandbox, { command: ["node", "-e", probe], timeoutMs: 20_000 });
      expect(result.status).toBe("exited");
      const lines = result.stdout.text.trim().split("\n");
      expect(lines).toHaveLength(targets.length);
      for (const line of lines) expect(line).not.toMatch(/ connected$/);
      expect(result.stderr.text.trim()).toBe("lo"); // no interface but loopback
      expect(connections).toBe(0);
    } finally {
      await driver().destroy(sandbox);
    }
  });
});

describe("resource limits", () => {
  it("holds a fork bomb at the process limit, reports it, and stays usable", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "bomb", limits: { pids: 128 } });
    try {
      const result = await driver().exec(sandbox, { command: "bomb() { bomb | bomb & }; bomb; sleep 2; exit 1", timeoutMs: 30_000 });
      expect(result.limitsHit.pids).toBe(true);
      expect(result).toMatchObject({ status: "infra", reason: "pids-limit" });
      expect(isInfraFault(result)).toBe(true);
      const after = await driver().exec(sandbox, { command: "echo alive; ps -e --no-headers | wc -l" });
      expect(after).toMatchObject({ status: "exited", exitCode: 0 });
      expect(after.stdout.text).toMatch(/^alive\n\s*\d\n$/); // init, sleep, this shell and ps: the bomb is gone
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("reports a memory hog killed by the OOM killer as an infrastructure fault, and stays usable", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "hog", limits: { memoryBytes: 64 * 1024 ** 2 } });
    try {
      const hog = "const keep = []; for (;;) keep.push(Buffer.alloc(1 << 20, 1));";
      const result = await driver().exec(sandbox, { command: ["node", "-e", hog], timeoutMs: 60_000 });
      expect(result).toMatchObject({ status: "infra", reason: "oom-killed" });
      expect(result.limitsHit.memory).toBe(true);
      expect(isInfraFault(result)).toBe(true);
      const after = await driver().exec(sandbox, { command: "echo alive" });
      expect(after).toMatchObject({ status: "exited", exitCode: 0, limitsHit: { memory: false, pids: false } });
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("kills the whole process tree at the timeout (a child that ignores signals too) and reports it", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "timeout" });
    try {
      const command = "(trap '' HUP INT TERM; sleep 300; echo survived) & echo started; sleep 300";
      const result = await driver().exec(sandbox, { command, timeoutMs: 1_500 });
      expect(result).toMatchObject({ status: "timed-out", timeoutMs: 1_500 });
      expect(isInfraFault(result)).toBe(false);
      expect(result.stdout.text).toBe("started\n");
      expect(result.durationMs).toBeLessThan(10_000);
      const ps = await driver().exec(sandbox, { command: "ps -eo args --no-headers" });
      expect(ps.stdout.text).not.toContain("sleep 300");
      expect(ps.status).toBe("exited");
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("tells a plain failure apart from faults", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "fail" });
    try {
      const result = await driver().exec(sandbox, { command: "echo out; echo err >&2; exit 3" });
      expect(result).toMatchObject({ status: "exited", exitCode: 3, limitsHit: { memory: false, pids: false } });
      expect(result.stdout.text).toBe("out\n");
      expect(result.stderr.text).toBe("err\n");
      expect(isInfraFault(result)).toBe(false);
    } finally {
      await driver().destroy(sandbox);
    }
  });
});
