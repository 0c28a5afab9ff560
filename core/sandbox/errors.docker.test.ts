// Every error a user can act on, each with its one line saying what to do.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { baseImageName } from "./base-image.ts";
import { connectDocker } from "./docker/docker-client.ts";
import { findLeaks } from "./testing/leak-check.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, session } = useDriver("errors");
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "forklift-errors-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<ForkliftError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ForkliftError);
  const forklift = error as ForkliftError;
  expect(forklift.message).not.toContain("\n");
  return forklift;
}

describe("daemon", () => {
  it("not running: a unix socket nobody listens on", async () => {
    const socketPath = path.join(scratch, "closed.sock");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failure(connectDocker({ env: { ...process.env, DOCKER_HOST: `unix://${socketPath}` } }));
    expect(error.code).toBe("docker-not-running");
    expect(error.message).toMatch(/not running .* start it \(sudo systemctl start docker, or sudo dockerd &\)/);
  });

  it("not running: a tcp port nobody listens on", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await failure(connectDocker({ env: { ...process.env, DOCKER_HOST: `tcp://127.0.0.1:${port}` } }));
    expect(error.code).toBe("docker-not-running");
    expect(error.message).toContain(`tcp://127.0.0.1:${port} does not answer`);
  });

  it("not installed: no socket and no docker on PATH", async () => {
    const emptyBin = path.join(scratch, "empty-bin");
    await mkdir(emptyBin, { recursive: true });
    const error = await failure(connectDocker({ env: { DOCKER_HOST: `unix://${path.join(scratch, "none.sock")}`, PATH: emptyBin } }));
    expect(error.code).toBe("docker-not-installed");
    expect(error.message).toMatch(/^Docker is not installed: install Docker Engine/);
  });
});

describe("repository", () => {
  it("missing path", async () => {
    const error = await failure(driver().createCheckpoint({ session: session("missing"), node: "root", repoPath: path.join(scratch, "nope"), image: baseImageName }));
    expect(error.code).toBe("repo-missing");
    expect(error.message).toContain("does not exist");
  });

  it("not a git repository", async () => {
    const plain = path.join(scratch, "plain");
    await mkdir(plain, { recursive: true });
    await writeFile(path.join(plain, "a.txt"), "a\n");
    const error = await failure(driver().createCheckpoint({ session: session("plain"), node: "root", repoPath: plain, image: baseImageName }));
    expect(error.code).toBe("repo-not-git");
    expect(error.message).toContain("git init");
  });
});

describe("image", () => {
  it("missing and no registry: says to build the offline base image", async () => {
    const error = await failure(driver().ensureImage({ name: "forklift/does-not-exist:0" }));
    expect(error.code).toBe("image-missing");
    expect(error.message).toContain("npm run build:base-image");
  });

  it("a checkpoint on a missing image leaves nothing behind", async () => {
    const repoDir = path.join(scratch, "repo");
    await mkdir(repoDir, { recursive: true });
    const { execFileSync } = await import("node:child_process");
    execFileSync("git", ["init", "-q"], { cwd: repoDir });
    const id = session("noimage");
    const error = await failure(driver().createCheckpoint({ session: id, node: "root", repoPath: repoDir, image: { name: "forklift/does-not-exist:0", pull: "never" } }));
    expect(error.code).toBe("image-missing");
    expect(await findLeaks(driver().client, id)).toEqual([]);
  });

  it("builds from a Dockerfile with progress events, labelled for gc; a failing build is reported", async () => {
    const context = path.join(scratch, "image");
    await mkdir(context, { recursive: true });
    await writeFile(path.join(context, "Dockerfile"), `FROM ${baseImageName}\nCOPY hello.txt /home/forklift/hello.txt\n`);
    await writeFile(path.join(context, "hello.txt"), "hello\n");
    const id = session("build");
    const lines: string[] = [];
    const image = await driver().ensureImage({ name: `forklift-test/${id}:1`, build: { context }, session: id }, (event) => {
      if (event.type === "image-build") lines.push(event.text);
    });
    expect(image.source).toBe("built");
    expect(lines.some((line) => line.includes("COPY hello.txt"))).toBe(true);
    const leaks = await findLeaks(driver().client, id);
    expect(leaks.map((leak) => leak.kind)).toEqual(["image"]);
    await driver().gc({ sessions: (await findLeaks(driver().client, "")).map((r) => r.session).filter((s) => s !== id) });

    await writeFile(path.join(context, "Dockerfile"), `FROM ${baseImageName}\nRUN exit 3\n`);
    const error = await failure(driver().ensureImage({ name: `forklift-test/${id}:2`, build: { context }, session: id }));
    expect(error.code).toBe("image-build-failed");
    expect(error.message).toMatch(/returned a non-zero code: 3/);
  });
});
