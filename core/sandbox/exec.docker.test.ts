// Running commands in forks: output, stdin, attached processes, and faults of the infrastructure.
import { mkdtemp, rm } from "node:fs/promises";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImageName } from "./base-image.ts";
import { createDockerSandboxDriver, openJsonLinesChannel, type Checkpoint, type OutputChunk, type Sandbox } from "./index.ts";
import { makeSampleRepo, type TempRepo } from "./testing/sample-repo.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, fileSessions } = useDriver("exec");
let repo: TempRepo;
let checkpoint: Checkpoint;
let sandbox: Sandbox;

beforeAll(async () => {
  repo = await makeSampleRepo();
  checkpoint = await driver().createCheckpoint({ session: `${fileSessions}-shared`, node: "root", repoPath: repo.path, image: baseImageName });
  sandbox = await driver().fork(checkpoint, { node: "exec" });
});

afterAll(async () => {
  if (sandbox) await driver().destroy(sandbox);
  if (checkpoint) await driver().removeCheckpoint(checkpoint);
  await repo?.remove();
});

describe("exec", () => {
  it("streams output to the callback, caps what it keeps, and measures the duration", async () => {
    const chunks: OutputChunk[] = [];
    const result = await driver().exec(sandbox, {
      command: "i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done; echo done >&2",
      maxOutputBytes: 200,
      onOutput: (chunk) => chunks.push(chunk),
    });
    expect(result).toMatchObject({ status: "exited", exitCode: 0 });
    const streamed = chunks.filter((c) => c.stream === "stdout").map((c) => c.text).join("");
    expect(streamed.split("\n")).toHaveLength(2001);
    expect(result.stdout.truncated).toBe(true);
    expect(result.stdout.totalBytes).toBe(Buffer.byteLength(streamed));
    expect(result.stdout.text.startsWith("line-0\nline-1\n")).toBe(true);
    expect(result.stdout.text.endsWith("line-1998\nline-1999\n")).toBe(true);
    expect(result.stdout.text).toContain("bytes of output dropped");
    expect(result.stderr).toEqual({ text: "done\n", truncated: false, totalBytes: 5 });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it("passes stdin, env, cwd and argv through", async () => {
    const viaString = await driver().exec(sandbox, { command: "tr a-z A-Z", stdin: "hello\n" });
    expect(viaString.stdout.text).toBe("HELLO\n");
    async function* parts() {
      yield "one ";
      yield Buffer.from("two\n");
    }
    const viaIterable = await driver().exec(sandbox, { command: ["sh", "-c", 'cat; echo "$GREETING from $(pwd)"'], stdin: parts(), env: { GREETING: "hi" }, cwd: "src" });
    expect(viaIterable.stdout.text).toBe("one two\nhi from /work/src\n");
    const argv = await driver().exec(sandbox, { command: ["printf", "%s|", "a b", "$HOME", "*"] });
    expect(argv.stdout.text).toBe("a b|$HOME|*|");
    const stdinClosed = await driver().exec(sandbox, { command: "cat; echo end" });
    expect(stdinClosed.stdout.text).toBe("end\n");
  });

  it("runs the sample app's tests as the sandbox user", async () => {
    const result = await driver().exec(sandbox, { command: "id -un && npm test --silent" });
    expect(result).toMatchObject({ status: "exited", exitCode: 0 });
    expect(result.stdout.text).toMatch(/^forklift\n/);
    expect(result.stdout.text).toMatch(/pass \d+/);
  });
});

describe("attach", () => {
  it("speaks JSON lines with a long-running process and kills it with its children", async () => {
    const server = `
      require("node:child_process").spawn("sleep", ["300"], { stdio: "ignore" });
      const rl = require("node:readline").createInterface({ input: process.stdin });
      rl.on("line", (line) => { const { n } = JSON.parse(line); console.log(JSON.stringify({ square: n * n })); });
    `;
    const process = await driver().attach(sandbox, { command: ["node", "-e", server] });
    const channel = openJsonLinesChannel<{ n: number }, { square: number }>(process);
    const replies = channel.messages[Symbol.asyncIterator]();
    await channel.send({ n: 3 });
    expect((await replies.next()).value).toEqual({ square: 9 });
    await channel.send({ n: 12 });
    expect((await replies.next()).value).toEqual({ square: 144 });
    expect(await process.kill()).toEqual({ status: "killed" });
    const ps = await driver().exec(sandbox, { command: "ps -eo args --no-headers" });
    expect(ps.stdout.text).not.toContain("sleep 300");
    expect(ps.stdout.text).not.toContain("node -e");
  });

  it("reports the exit code when stdin closes and the process ends by itself", async () => {
    const process = await driver().attach(sandbox, { command: "cat >/dev/null; echo bye >&2; exit 4" });
    let stderr = "";
    process.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    process.stdout.resume();
    process.stdin.end("ignored\n");
    expect(await process.exit).toEqual({ status: "exited", exitCode: 4 });
    expect(stderr).toBe("bye\n");
  });
});

describe("infrastructure faults", () => {
  it("reports a sandbox removed during a command as sandbox-gone", async () => {
    const doomed = await driver().fork(checkpoint, { node: "doomed" });
    const running = driver().exec(doomed, { command: "sleep 30", timeoutMs: 60_000 });
    const attached = await driver().attach(doomed, { command: "sleep 30" });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await driver().destroy(doomed);
    expect(await running).toMatchObject({ status: "infra", reason: "sandbox-gone" });
    expect(await attached.exit).toMatchObject({ status: "infra", reason: "sandbox-gone" });
    expect(await driver().exec(doomed, { command: "true" })).toMatchObject({ status: "infra", reason: "sandbox-gone" });
  });

  it("reports a daemon connection lost during a command as daemon-unreachable", async () => {
    // A real daemon behind a unix-socket relay that the test cuts: the one fault we cannot cause otherwise.
    const dir = await mkdtemp(path.join(tmpdir(), "forklift-relay-"));
    const relayPath = path.join(dir, "docker.sock");
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const daemon = connect("/var/run/docker.sock");
      for (const socket of [client, daemon]) {
        sockets.add(socket);
        socket.on("error", () => undefined);
      }
      client.pipe(daemon).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(relayPath, resolve));
    const relayed = await createDockerSandboxDriver({ env: { ...process.env, DOCKER_HOST: `unix://${relayPath}` } });
    const victim = await relayed.fork(checkpoint, { node: "relayed" });
    try {
      const running = relayed.exec(victim, { command: "sleep 30", timeoutMs: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 700));
      relay.close();
      for (const socket of sockets) socket.destroy();
      const result = await running;
      expect(result).toMatchObject({ status: "infra", reason: "daemon-unreachable" });
      await expect(relayed.fork(checkpoint, { node: "after" })).rejects.toMatchObject({ code: "docker-not-running" });
    } finally {
      await driver().destroy(victim);
      await relayed.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
