/**
 * Who may talk to the browser host: a request must name this server as its Host (127.0.0.1 or
 * localhost with its port: a DNS-rebinding page sends its own name), must not come from another
 * Origin or site, and must carry the token (the cookie set on the first page load, or `?token=`
 * for tools and tests). Anything else is refused before it reaches a file or the engine.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** A fresh random token: 32 bytes (256 bits) as URL-safe base64. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The cookie that carries the token; named after the port, since cookies are shared by every port of a host. */
export function tokenCookieName(port: number): string {
  return `forklift_token_${port}`;
}

/** Why a request is refused, or undefined when it may go on. */
export type Refusal = { status: 403 | 401; reason: string } | undefined;

/** Checks Host, Origin and Sec-Fetch-Site: what a browser says about where a request comes from. */
export function checkOrigin(request: IncomingMessage, port: number): Refusal {
  const ours = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = request.headers.host?.toLowerCase();
  if (!host || !ours.has(host)) return { status: 403, reason: "wrong Host header (the studio answers only to 127.0.0.1 and localhost)" };
  const origin = request.headers.origin;
  if (origin !== undefined && !(origin.startsWith("http://") && ours.has(origin.slice("http://".length).toLowerCase()))) {
    return { status: 403, reason: "foreign Origin" };
  }
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return { status: 403, reason: `a ${site} request` };
  return undefined;
}

/** The token a request carries (`?token=` first, then the cookie), if any. */
export function presentedToken(request: IncomingMessage, port: number): { token: string; from: "query" | "cookie" } | undefined {
  const query = new URL(request.url ?? "/", "http://127.0.0.1").searchParams.get("token");
  if (query) return { token: query, from: "query" };
  const cookie = readCookie(request.headers.cookie, tokenCookieName(port));
  return cookie ? { token: cookie, from: "cookie" } : undefined;
}

/** Compares tokens in constant time. */
export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks origin and token together; returns the refusal, or where the right token came from. */
export function checkAccess(request: IncomingMessage, port: number, token: string): { refused: NonNullable<Refusal> } | { from: "query" | "cookie" } {
  const origin = checkOrigin(request, port);
  if (origin) return { refused: origin };
  const presented = presentedToken(request, port);
  if (!presented) return { refused: { status: 401, reason: "no token: open the URL `forklift studio` printed" } };
  if (!sameToken(presented.token, token)) return { refused: { status: 401, reason: "wrong token: open the URL `forklift studio` printed" } };
  return { from: presented.from };
}

/** The Set-Cookie value that keeps the token for the page's later requests and its WebSocket. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
