/**
 * The app protocol: serves the built renderer (dist/renderer) under `forklift-app://app/`. A
 * standard, secure scheme gives the page a real origin (so CSP `'self'`, module scripts and
 * workers behave as on https) without file://'s extra powers. Every answer, errors included,
 * carries the security headers; anything outside the renderer folder is refused.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { CustomScheme } from "electron";
import { appHost, appScheme } from "./app-origin.ts";
import { securityHeaders } from "./content-security-policy.ts";

/**
 * How the scheme is registered (before `ready`): standard (real origin, relative URLs), secure
 * (a secure context, like https), fetch for the renderer's own files. Never `bypassCSP`, and not
 * `corsEnabled`, which would let other origins read it.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** What a request URL names: a file under the root, or the reason it is refused (an HTTP status). */
export type AppPathResolution = { kind: "file"; path: string } | { kind: "refused"; status: 400 | 403 | 404; reason: string };

/**
 * Maps a request URL to a file under `root` without touching the disk: only the app host, each
 * path segment percent-decoded once, and no segment that is empty of meaning (`.`, `..`), hidden,
 * or that hides a separator or NUL. `/` is the entry page.
 */
export function resolveAppPath(root: string, url: string): AppPathResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "refused", status: 400, reason: "not a URL" };
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.hostname !== appHost || parsed.port !== "" || parsed.username !== "") {
    return { kind: "refused", status: 403, reason: "not the app origin" };
  }
  const rawSegments = parsed.pathname.split("/").filter((segment) => segment !== "");
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: "refused", status: 400, reason: "bad percent-encoding" };
    }
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment) || segment.includes(":")) {
      return { kind: "refused", status: 403, reason: "path traversal" };
    }
    if (segment.startsWith(".")) return { kind: "refused", status: 404, reason: "hidden file" };
    segments.push(segment);
  }
  if (segments.length === 0) segments.push("index.html");
  const resolved = path.resolve(root, ...segments);
  if (!isInside(root, resolved)) return { kind: "refused", status: 403, reason: "path traversal" };
  return { kind: "file", path: resolved };
}

/** The content type of a served file, by extension (`nosniff` keeps the browser from guessing otherwise). */
export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The handler given to `protocol.handle(appScheme, …)`: GET and HEAD of the renderer's files,
 * symlinks leading out of the root refused, every response with the security headers.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const realRoot = realpath(root).catch(() => path.resolve(root));
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return refusal(405, "method not allowed");
    const resolution = resolveAppPath(root, request.url);
    if (resolution.kind === "refused") return refusal(resolution.status, resolution.reason);
    let file: string;
    try {
      file = await realpath(resolution.path);
      if (!isInside(await realRoot, file) || !(await stat(file)).isFile()) return refusal(404, "not found");
    } catch {
      return refusal(404, "not found");
    }
    const body = request.method === "HEAD" ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers: { ...securityHeaders, "Content-Type": contentTypeOf(file), "Cache-Control": "no-cache" } });
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status} ${reason}\n`, { status, headers: { ...securityHeaders, "Content-Type": "text/plain; charset=utf-8" } });
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(root), candidate);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
