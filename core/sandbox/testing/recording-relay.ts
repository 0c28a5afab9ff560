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

/** Reads HTTP/1.1 requests from one connection's client-to-daemon bytes (Content-Length and chunked bodies). */
class RequestReader {
  private buffer = Buffer.alloc(0);
  /** Set once the connection is hijacked: from then on the bytes are a raw stream. */
  private raw = false;

  constructor(private readonly onRequest: (request: RecordedRequest) => void) {}

  push(chunk: Buffer): void {
    if (this.raw) return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (!this.raw && this.readOne()) {
      // one request consumed; look for the next
    }
  }

  /** Consumes one whole request from the buffer; false when it is not all there yet. */
  private readOne(): boolean {
    const headEnd = this.buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) return false;
    const [requestLine = "", ...headerLines] = this.buffer.subarray(0, headEnd).toString("latin1").split("\r\n");
    const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
    const [method = "", target = ""] = requestLine.split(" ");
    let rest = this.buffer.subarray(headEnd + 4);
    if ((headers.get("connection") ?? "").toLowerCase().includes("upgrade") || headers.has("upgrade")) {
      // a hijacked stream follows (exec, attach): its bytes are not HTTP
      this.onRequest({ method, path: target });
      this.raw = true;
      return true;
    }
    let body: Buffer;
    if (headers.get("transfer-encoding")?.toLowerCase().includes("chunked")) {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = rest.indexOf("\r\n");
        if (lineEnd < 0) return false;
        const size = Number.parseInt(rest.subarray(0, lineEnd).toString("latin1"), 16);
        if (rest.length < lineEnd + 2 + size + 2) return false;
        chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
        rest = rest.subarray(lineEnd + 2 + size + 2);
        if (size === 0) break;
      }
      body = Buffer.concat(chunks);
    } else {
      const length = Number(headers.get("content-length") ?? 0);
      if (rest.length < length) return false;
      body = rest.subarray(0, length);
      rest = rest.subarray(length);
    }
    this.buffer = rest;
    let json: unknown;
    if ((headers.get("content-type") ?? "").includes("json") && body.length > 0) {
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        json = undefined;
      }
    }
    this.onRequest({ method, path: target, ...(json !== undefined && { body: json }) });
    return true;
  }
}
