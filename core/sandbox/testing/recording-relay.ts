/**
 * Test helper: a unix-socket relay in front of the real Docker daemon that records the Engine API
 * requests going through it (method, path, JSON body), so a test can see what was really asked
 * of the daemon — e.g. the HostConfig of every container created, even of containers that were
 * removed a moment later. Hijacked connections (exec and attach streams) are relayed unread.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** One request as the daemon received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1.41/containers/create?name=x`. */
  readonly path: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly body?: unknown;
}

/** A running recording relay. */
export interface RecordingRelay {
  /** DOCKER_HOST value that goes through the relay. */
  readonly dockerHost: string;
  /** Every request seen so far, in order. */
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a recording relay to `daemonSocket` (default the local daemon's socket). */
export async function startRecordingRelay(daemonSocket = "/var/run/docker.sock"): Promise<RecordingRelay> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-recorder-"));
  const socketPath = path.join(dir, "docker.sock");
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const daemon = connect(daemonSocket);
    for (const socket of [client, daemon]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    }
    const reader = new RequestReader((request) => requests.push(request));
    client.on("data", (chunk: Buffer) => reader.push(chunk));
    client.pipe(daemon).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    dockerHost: `unix://${socketPath}`,
    requests,
    close: async () => {
      server.close();
      for (const socket of sockets) socket.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Largest JSON body kept; larger bodies (and every non-JSON one, e.g. a tar stream) are skipped, not buffered. */
const maxKeptBody = 256 * 1024;

/**
 * Reads HTTP/1.1 requests from one connection's client-to-daemon bytes as they pass, in a state
 * machine that never holds a body it does not keep (uploads of hundreds of MB stream through).
 */
class RequestReader {
  private head: Buffer = Buffer.alloc(0);
  private state: "head" | "length" | "chunk-size" | "chunk-data" | "chunk-end" | "trailer" | "raw" = "head";
  private remaining = 0;
  private request: { method: string; path: string; json: boolean } | undefined;
  private kept: Buffer[] = [];
  private keptBytes = 0;

  constructor(private readonly onRequest: (request: RecordedRequest) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && this.state !== "raw") {
      switch (this.state) {
        case "head": {
          this.head = Buffer.concat([this.head, data]);
          const end = this.head.indexOf("\r\n\r\n");
          if (end < 0) return;
          data = this.head.subarray(end + 4);
          this.startRequest(this.head.subarray(0, end).toString("latin1"));
          this.head = Buffer.alloc(0);
          break;
        }
        case "length": {
          const take = Math.min(this.remaining, data.length);
          this.keep(data.subarray(0, take));
          this.remaining -= take;
          data = data.subarray(take);
          if (this.remaining === 0) this.finish();
          break;
        }
        case "chunk-size":
        case "chunk-end":
        case "trailer": {
          this.head = Buffer.concat([this.head, data]);
          const end = this.head.indexOf("\r\n");
          if (end < 0) return;
          const line = this.head.subarray(0, end).toString("latin1");
          data = this.head.subarray(end + 2);
          this.head = Buffer.alloc(0);
          if (this.state === "chunk-end") this.state = "chunk-size";
          else if (this.state === "trailer") {
            if (line === "") this.finish(); // the empty line after the last chunk (and any trailers)
          } else {
            this.remaining = Number.parseInt(line, 16);
            this.state = this.remaining === 0 ? "trailer" : "chunk-data";
          }
          break;
        }
        case "chunk-data": {
          const take = Math.min(this.remaining, data.length);
          this.keep(data.subarray(0, take));
          this.remaining -= take;
          data = data.subarray(take);
          if (this.remaining === 0) this.state = "chunk-end";
          break;
        }
      }
    }
  }

  private startRequest(headText: string): void {
    const [requestLine = "", ...headerLines] = headText.split("\r\n");
    const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    const [method = "", target = ""] = requestLine.split(" ");
    this.request = { method, path: target, json: (headers.get("content-type") ?? "").includes("json") };
    this.kept = [];
    this.keptBytes = 0;
    if ((headers.get("connection") ?? "").toLowerCase().includes("upgrade") || headers.has("upgrade")) {
      // a hijacked stream follows (exec, attach): its bytes are not HTTP
      this.finish();
      this.state = "raw";
    } else if (headers.get("transfer-encoding")?.toLowerCase().includes("chunked")) {
      this.state = "chunk-size";
    } else {
      this.remaining = Number(headers.get("content-length") ?? 0);
      this.state = "length";
      if (this.remaining === 0) this.finish();
    }
  }

  private keep(bytes: Buffer): void {
    if (!this.request?.json || this.keptBytes + bytes.length > maxKeptBody) return;
    this.kept.push(Buffer.from(bytes));
    this.keptBytes += bytes.length;
  }

  private finish(): void {
    const request = this.request;
    this.request = undefined;
    if (this.state !== "raw") this.state = "head";
    if (!request) return;
    let body: unknown;
    if (request.json && this.keptBytes > 0) {
      try {
        body = JSON.parse(Buffer.concat(this.kept).toString("utf8"));
      } catch {
        body = undefined;
      }
    }
    this.onRequest({ method: request.method, path: request.path, ...(body !== undefined && { body }) });
  }
}
