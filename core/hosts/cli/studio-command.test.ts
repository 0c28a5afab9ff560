// `forklift studio` as a user runs it: a real process prints its URL, serves the page and the
// engine, and on Ctrl-C (SIGINT) pauses the session it is running and exits cleanly.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createRpcClient } from "../../../shared/protocol/rpc-client.ts";
import { createSocketTransport } from "../../../shared/protocol/socket-transport.ts";
import type { MessageSocket } from "../../../shared/protocol/socket-transport.ts";
import { recipeGenerators, writeSampleSpec } from "../../engine/testing/sample-spec.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { getSession, openStore } from "../../store/index.ts";
import { tempStoreDir } from "../../store/testing/temp-store.ts";

let child: ChildProcessWithoutNullStreams | undefined;
let temp: ReturnType<typeof tempStoreDir> | undefined;
let repo: TempRepo | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  temp?.remove();
  await repo?.remove();
});

/** Starts `forklift studio`; resolves with the URL it prints. */
function startStudio(args: string[], env: Record<string, string>): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", "core/hosts/cli/main.ts", "studio", ...args], { env: { ...process.env, ...env } });
  let out = "";
  return new Promise((resolve, reject) => {
    child!.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child!.once("exit", (code) => reject(new Error(`studio exited ${code}: ${out}`)));
  });
}

describe("forklift studio", () => {
  it("prints its URL, serves the engine, and on Ctrl-C pauses the running session and exits 0", async () => {
    temp = tempStoreDir();
    repo = await makeSampleRepo();
    const config = tempStoreDir();
    const url = await startStudio(["--no-open", "--store", temp.file(), "--sandbox", "host", "--demo"], { XDG_CONFIG_HOME: config.dir });
    expect(url).toMatch(/&demo=1$/);
    const socket = new WebSocket(url.replace("http://", "ws://").replace("/?", "/rpc?"));
    const client = createRpcClient(createSocketTransport(socket as unknown as MessageSocket));
    // slow enough that it is still running when Ctrl-C comes
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 2, hypothesesPerNode: 3, sitesPerStep: 1, maxDepth: 8 });
    const session = await client.call("session/start", { specPath, repoPath: repo.path });
    await client.call("settings/set", { llm: { model: "m" } });
    expect((await client.call("session/info", { sessionId: session.id })).live).toBe(true);

    let out = "";
    child!.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));
    child!.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out).toContain("studio: stopped");
    socket.close();
    const store = openStore(temp.file());
    try {
      expect(getSession(store, session.id)?.status).toBe("paused");
    } finally {
      store.close();
    }
    config.remove();
  }, 120_000);

  it("says in one line when the port is taken or not a port", async () => {
    temp = tempStoreDir();
    const url = await startStudio(["--no-open", "--store", temp.file(), "--sandbox", "host"], {});
    const port = new URL(url).port;
    const second = spawn(process.execPath, ["--import", "tsx", "core/hosts/cli/main.ts", "studio", "--no-open", "--port", port, "--store", temp.file("other.db")]);
    let err = "";
    second.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    expect(await new Promise((resolve) => second.once("exit", resolve))).toBe(2);
    expect(err).toBe(`forklift: port ${port} is in use: choose another with --port, or leave it out for any free one\n`);
    const bad = spawn(process.execPath, ["--import", "tsx", "core/hosts/cli/main.ts", "studio", "--port", "http"]);
    let badErr = "";
    bad.stderr.on("data", (chunk: Buffer) => (badErr += chunk.toString()));
    expect(await new Promise((resolve) => bad.once("exit", resolve))).toBe(2);
    expect(badErr).toBe('forklift: --port must be a whole number from 0 to 65535, not "http"\n');
  }, 60_000);
});
