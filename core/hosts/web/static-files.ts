/** Serves the built renderer (dist/renderer) read-only: files inside the folder only, with their types; the index never cached. */
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The page served while the renderer is not built: no script, says what to run. */
export const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Forklift: renderer not built</title></head>
<body><h1>The studio's renderer is not built</h1>
<p>Run <code>npm run build:renderer</code> in the Forklift checkout (or start the studio with <code>npm start</code>, which builds it), then reload this page.</p>
</body></html>
`;

/** Answers a GET or HEAD for a file of `root`; `headers` go on every answer. */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, headers: Record<string, string>): Promise<void> {
  const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    response.writeHead(status, { ...headers, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), ...extra });
    response.end(request.method === "HEAD" ? undefined : body);
  };
  if (request.method !== "GET" && request.method !== "HEAD") return send(405, "text/plain; charset=utf-8", "only GET and HEAD\n", { Allow: "GET, HEAD" });
  const file = resolveInside(root, new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  if (!file) return send(404, "text/plain; charset=utf-8", "not found\n");
  const isIndex = file === path.join(root, "index.html");
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    if (isIndex) return send(503, "text/html; charset=utf-8", notBuiltPage, { "Cache-Control": "no-store" });
    // browsers ask for it on their own; without one, say "nothing" rather than an error in the console
    if (file === path.join(root, "favicon.ico")) return send(204, "image/x-icon", "", { "Cache-Control": "no-cache" });
    return send(404, "text/plain; charset=utf-8", "not found\n");
  }
  const type = contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  // hashed build assets never change; the index names them, so it is always fetched anew
  const cache = isIndex ? "no-store" : file.startsWith(path.join(root, "assets") + path.sep) ? "private, max-age=31536000, immutable" : "no-cache";
  send(200, type, await readFile(file), { "Cache-Control": cache });
}

/** The file a URL path names inside `root`, or undefined for anything that leaves it or is not a plain path. */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const relative = decoded === "/" ? "index.html" : decoded.replace(/^\/+/, "");
  if (relative.split("/").some((part) => part === ".." || part.startsWith("."))) return undefined;
  const file = path.resolve(root, relative);
  return file.startsWith(path.resolve(root) + path.sep) ? file : undefined;
}
