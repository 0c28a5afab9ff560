// The browser host's security, on a real HTTP server and real WebSockets on 127.0.0.1: the token
// (query once, then an HttpOnly SameSite=Strict cookie), Host and Origin checks against DNS
// rebinding and other sites, a strict CSP on every answer, files only from the renderer folder,
// and the engine's socket that answers every bad frame with a coded error and stays up.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createRpcClient } from "../../../shared/protocol/rpc-client.ts";
import { createSocketTransport } from "../../../shared/protocol/socket-transport.ts";
import type { MessageSocket } from "../../../shared/protocol/socket-transport.ts";
import type { WireMessage } from "../../../shared/protocol/wire.ts";
import { createEngine } from "../../engine/index.ts";
import type { Engine } from "../../engine/index.ts";
import { recipeGenerators, writeSampleSpec } from "../../engine/testing/sample-spec.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import { openStore } from "../../store/index.ts";
import type { Store } from "../../store/index.ts";
import { tempStoreDir } from "../../store/testing/temp-store.ts";
import { maxFrameChars } from "./rpc-socket.ts";
import { startWebHost } from "./web-host.ts";
import type { WebHost } from "./web-host.ts";

const renderer = mkdtempSync(path.join(tmpdir(), "forklift-renderer-"));
mkdirSync(path.join(renderer, "assets"));
writeFileSync(path.join(renderer, "index.html"), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>\n');
writeFileSync(path.join(renderer, "assets", "app.js"), "console.log('studio');\n");
writeFileSync(path.join(renderer, ".env"), "SECRET=1\n");
const outside = path.join(path.dirname(renderer), `${path.basename(renderer)}-secret.txt`);
writeFileSync(outside, "not for the browser\n");

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;
let host: WebHost;
let token: string;

beforeEach(async () => {
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
  host = await startWebHost({ engine, rendererDir: renderer, pageParams: { demo: "1" } });
  token = new URL(host.url).searchParams.get("token")!;
});

afterEach(async () => {
  await host.close();
  await engine.close();
  store.close();
  temp.remove();
});

afterAll(() => {
  rmSync(renderer, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request to the host (headers exactly as given: Host included). */
function get(pathAndQuery: string, headers: Record<string, string> = {}, method = "GET", port = host.port): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: pathAndQuery, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

const cookie = () => `forklift_token_${host.port}=${token}`;

/** Opens the engine's socket; resolves with it once open, or rejects with the HTTP status of the refusal. */
function openSocket(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc${query}`, { headers });
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    socket.once("error", reject);
  });
}

/** The next frame the socket receives, parsed. */
function nextFrame(socket: WebSocket): Promise<WireMessage> {
  return new Promise((resolve) => socket.once("message", (data) => resolve(JSON.parse(String(data)) as WireMessage)));
}

/** Parses a CSP header into directive → sources. */
function parseCsp(header: string | string[] | undefined): Map<string, string[]> {
  const text = Array.isArray(header) ? header.join(";") : (header ?? "");
  return new Map(
    text
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("the browser host over HTTP", () => {
  it("listens on 127.0.0.1 only: no other interface of this machine answers", async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}&demo=1$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const address of [...others, "::1"]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: host.port });
        socket.once("connect", () => {
          socket.destroy();
          resolve("connected");
        });
        socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      });
      expect(outcome, address).not.toBe("connected");
    }
  });

  it("refuses a request without the token or with a wrong one; the right one sets an HttpOnly SameSite=Strict cookie and leaves the URL", async () => {
    expect((await get("/")).status).toBe(401);
    expect((await get("/assets/app.js")).status).toBe(401);
    expect((await get(`/?token=${token.slice(0, -1)}x`)).status).toBe(401);
    expect((await get("/", { Cookie: `forklift_token_${host.port}=wrong` })).status).toBe(401);
    // another port's cookie is not this host's
    expect((await get("/", { Cookie: `forklift_token_1=${token}` })).status).toBe(401);

    const first = await get(`/?token=${token}&demo=1`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe("/?demo=1");
    expect(first.headers["set-cookie"]).toEqual([`forklift_token_${host.port}=${token}; HttpOnly; SameSite=Strict; Path=/`]);

    const page = await get("/?demo=1", { Cookie: cookie() });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain('<div id="root">');
    const script = await get("/assets/app.js", { Cookie: cookie() });
    expect(script).toMatchObject({ status: 200, headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "private, max-age=31536000, immutable" } });
    // tools and tests may pass the token in the query
    expect((await get(`/assets/app.js?token=${token}`)).status).toBe(200);
  });

  it("refuses a foreign Host (DNS rebinding), a foreign Origin and a cross-site fetch, even with the token", async () => {
    expect((await get("/", { Cookie: cookie(), Host: `rebind.example:${host.port}` })).status).toBe(403);
    expect((await get(`/?token=${token}`, { Host: `attacker.example` })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Origin: "http://evil.example" })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await get("/", { Cookie: cookie(), Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it("sends a strict CSP on every answer: no inline script, no eval, no remote origin, no framing", async () => {
    const answers = await Promise.all([
      get("/", { Cookie: cookie() }),
      get("/assets/app.js", { Cookie: cookie() }),
      get("/"),
      get("/", { Cookie: cookie(), Origin: "http://evil.example" }),
      get(`/?token=${token}`),
      get("/missing.js", { Cookie: cookie() }),
    ]);
    for (const answer of answers) {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      const csp = parseCsp(answer.headers["content-security-policy"]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("script-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      const local = new Set(["'self'", "'none'", "data:", `ws://127.0.0.1:${host.port}`, `ws://localhost:${host.port}`]);
      for (const [directive, sources] of csp) {
        for (const source of sources) {
          // 'unsafe-inline' only for styles (Monaco injects <style> elements); never a remote origin, a wildcard, eval or inline script
          if (source === "'unsafe-inline'") expect(directive).toBe("style-src");
          else expect(local.has(source), `${directive} ${source}`).toBe(true);
        }
      }
    }
  });

  it("serves files of the renderer folder only", async () => {
    for (const attempt of ["/../" + path.basename(outside), "/%2e%2e/" + path.basename(outside), "/assets/..%2f..%2f" + path.basename(outside), "/.env", "/assets/%00.js", "/assets/..%5c..%5c" + path.basename(outside)]) {
      const answer = await get(attempt, { Cookie: cookie() });
      expect(answer.status, attempt).toBe(404);
      expect(answer.body).not.toContain("not for the browser");
    }
    expect((await get("/", { Cookie: cookie() }, "POST")).status).toBe(405);
    expect((await get("/rpc", { Cookie: cookie() })).status).toBe(426);
  });

  it("says how to build the renderer when it is not built, without a script", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "forklift-no-renderer-"));
    const bare = await startWebHost({ engine, rendererDir: empty });
    try {
      const bareToken = new URL(bare.url).searchParams.get("token")!;
      const barePage = await get("/", { Cookie: `forklift_token_${bare.port}=${bareToken}` }, "GET", bare.port);
      expect(barePage.status).toBe(503);
      expect(barePage.body).toContain("npm run build:renderer");
      expect(barePage.body).not.toMatch(/<script/i);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("the engine's WebSocket", () => {
  it("refuses a socket without the token, with a wrong one, from a foreign Origin or Host, or on another path", async () => {
    await expect(openSocket("")).rejects.toThrow("refused 401");
    await expect(openSocket("?token=wrong")).rejects.toThrow("refused 401");
    await expect(openSocket("", { Cookie: `forklift_token_${host.port}=${token.toUpperCase()}` })).rejects.toThrow("refused 401");
    await expect(openSocket("", { Cookie: cookie(), Origin: "http://evil.example" })).rejects.toThrow("refused 403");
    await expect(openSocket(`?token=${token}`, { Origin: "https://127.0.0.1.evil.example" })).rejects.toThrow("refused 403");
    await expect(openSocket("", { Cookie: cookie(), Host: `evil.example:${host.port}` })).rejects.toThrow("refused 403");
    await expect(
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${host.port}/other?token=${token}`);
        socket.once("open", resolve);
        socket.once("unexpected-response", (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
      }),
    ).rejects.toThrow("refused 404");
    // what the page does: same origin, the cookie
    const socket = await openSocket("", { Cookie: cookie(), Origin: `http://127.0.0.1:${host.port}` });
    socket.close();
  });

  it("carries the engine's calls and events; a restarted client resyncs with tree/get and the deltas' seq", async () => {
    const repo = await makeSampleRepo();
    try {
      const socket = await openSocket(`?token=${token}`);
      const client = createRpcClient(createSocketTransport(socket as unknown as MessageSocket));
      expect(await client.call("session/list", {})).toEqual([]);
      const seqs: number[] = [];
      client.on("tree/delta", (delta) => seqs.push(delta.seq));
      const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
      const session = await client.call("session/start", { specPath, repoPath: repo.path });
      await engine.settled(session.id);
      await expect.poll(() => seqs.length).toBeGreaterThan(2);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      socket.close();

      // a new connection: tree/get gives the tree with the seq of the last event it includes
      const again = await openSocket(`?token=${token}`);
      const resynced = createRpcClient(createSocketTransport(again as unknown as MessageSocket));
      const tree = await resynced.call("tree/get", { sessionId: session.id });
      expect(tree.seq).toBeGreaterThanOrEqual(Math.max(...seqs));
      expect(Object.keys(tree.nodes).length).toBeGreaterThan(1);
      await expect(resynced.call("node/diff", { nodeId: "no-such-node", against: "root" })).rejects.toMatchObject({ code: "not-found" });
      again.close();
    } finally {
      await repo.remove();
    }
  }, 60_000);

  it("queues calls made while the socket is still connecting, as a page does right after new WebSocket()", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/rpc?token=${token}`);
    const client = createRpcClient(createSocketTransport(socket as unknown as MessageSocket));
    expect(socket.readyState).toBe(WebSocket.CONNECTING);
    await expect(Promise.all([client.call("session/list", {}), client.call("settings/get", {})])).resolves.toEqual([[], { llm: { hasKey: false, keyStorage: "none" } }]);
    socket.close();
  });

  it("answers every bad frame with a coded error and stays up: not JSON, not a wire message, binary, unknown method, too large", async () => {
    const socket = await openSocket(`?token=${token}`);
    const ask = async (frame: string | Buffer) => {
      const answer = nextFrame(socket);
      socket.send(frame);
      return answer;
    };
    expect(await ask("{not json")).toEqual({ kind: "response", id: 0, ok: false, error: { code: "invalid-input", message: "refused a frame that is not JSON" } });
    expect(await ask(JSON.stringify({ kind: "request", id: 7, method: 42 }))).toMatchObject({ id: 7, ok: false, error: { code: "invalid-input" } });
    expect(await ask(Buffer.from([1, 2, 3]))).toMatchObject({ id: 0, ok: false, error: { code: "invalid-input", message: expect.stringMatching(/binary/) } });
    expect(await ask(JSON.stringify({ kind: "request", id: 8, method: "nope/nothing", params: {} }))).toMatchObject({ id: 8, ok: false, error: { code: "invalid-input", message: 'unknown method "nope/nothing"' } });
    expect(await ask(JSON.stringify({ kind: "request", id: 9, method: "node/prune", params: { nodeId: 1 } }))).toMatchObject({ id: 9, ok: false, error: { code: "invalid-input" } });
    expect(await ask(JSON.stringify({ kind: "request", id: 10, method: "node/checks", params: { nodeId: "missing" } }))).toMatchObject({ id: 10, ok: false, error: { code: "not-found" } });
    const large = `{"kind":"request","id":11,"method":"spec/validate","params":{"text":"${"x".repeat(maxFrameChars)}"}}`;
    expect(await ask(large)).toMatchObject({ id: 11, ok: false, error: { code: "invalid-input", message: expect.stringMatching(/over the limit/) } });
    expect(await ask(JSON.stringify({ kind: "request", id: 12, method: "session/list", params: {} }))).toEqual({ kind: "response", id: 12, ok: true, result: [] });

    // past twice the limit the socket is closed (1009), and the server goes on serving others
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send("x".repeat(2 * maxFrameChars + 1));
    expect(await closed).toBe(1009);
    const next = await openSocket(`?token=${token}`);
    expect(await new Promise((resolve) => {
      next.once("message", (data) => resolve(JSON.parse(String(data))));
      next.send(JSON.stringify({ kind: "request", id: 1, method: "session/list", params: {} }));
    })).toMatchObject({ id: 1, ok: true });
    next.close();
  }, 60_000);
});

