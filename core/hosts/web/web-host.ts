/**
 * The browser host: the built renderer and the engine's WebSocket (`/rpc`) on 127.0.0.1 only,
 * behind a random token. The first page load with `?token=` sets an HttpOnly, SameSite=Strict
 * cookie and redirects to the same page without the token; every later request and the socket
 * carry the cookie (tools and tests may pass `?token=` instead). Requests without the token, with
 * a wrong one, or naming another Host or Origin (DNS rebinding, other sites) are refused.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { checkAccess, newToken, tokenCookie } from "./access-check.ts";
import { maxFrameChars, serveSocket } from "./rpc-socket.ts";
import type { ServedEngine } from "./rpc-socket.ts";
import { securityHeaders } from "./security-headers.ts";
import { serveStatic } from "./static-files.ts";

/** The only address the host listens on: never another interface. */
export const webHostAddress = "127.0.0.1";
/** The engine's socket path. */
export const rpcPath = "/rpc";

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  readonly engine: ServedEngine;
  /** The built renderer (index.html and assets). */
  readonly rendererDir: string;
  /** 0 or absent: any free port. */
  readonly port?: number;
  /** Default: a fresh random token. */
  readonly token?: string;
  /** Query parameters the printed URL carries for the renderer (e.g. demo=1). */
  readonly pageParams?: Readonly<Record<string, string>>;
}

/** A running browser host. */
export interface WebHost {
  /** The URL to open: the page with the token. */
  readonly url: string;
  readonly port: number;
  /** Closes every socket and stops listening. */
  close(): Promise<void>;
}

/** Starts the browser host. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 2 * maxFrameChars });
  sockets.on("connection", (socket) => serveSocket(socket, options.engine));
  let port = 0;
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) refuse(response, 500, "internal error");
      else response.destroy();
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const access = checkAccess(request, port, token);
    if ("refused" in access) return refuse(response, access.refused.status, access.refused.reason);
    const url = new URL(request.url ?? "/", `http://${webHostAddress}:${port}`);
    if (access.from === "query" && url.pathname === "/" && request.method === "GET") {
      // keep the token out of the address bar and the history: the cookie carries it from now on
      url.searchParams.delete("token");
      response.writeHead(303, { ...securityHeaders(port), "Set-Cookie": tokenCookie(port, token), Location: `/${url.search}`, "Cache-Control": "no-store" });
      return response.end();
    }
    if (url.pathname === rpcPath) return refuse(response, 426, "the engine speaks WebSocket here");
    await serveStatic(request, response, options.rendererDir, securityHeaders(port));
  };
  const refuse = (response: ServerResponse, status: number, reason: string) => {
    response.writeHead(status, { ...securityHeaders(port), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    response.end(`${reason}\n`);
  };
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    const access = checkAccess(request, port, token);
    const url = new URL(request.url ?? "/", `http://${webHostAddress}:${port}`);
    if ("refused" in access || url.pathname !== rpcPath) {
      const [status, reason] = "refused" in access ? [access.refused.status, access.refused.reason] : [404, "no socket here"];
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? "Not Found" : status === 401 ? "Unauthorized" : "Forbidden"}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${reason}\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit("connection", ws, request));
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, webHostAddress, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;
  const params = new URLSearchParams({ token, ...options.pageParams });
  return {
    url: `http://${webHostAddress}:${port}/?${params.toString()}`,
    port,
    async close() {
      for (const client of sockets.clients) client.close(1001, "the studio is shutting down");
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
