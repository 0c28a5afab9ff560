import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appSchemePrivileges, contentTypeOf, createAppProtocolHandler, resolveAppPath } from "./app-protocol.ts";
import { rendererCsp } from "./content-security-policy.ts";

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), "forklift-app-protocol-"));
  root = path.join(base, "renderer");
  mkdirSync(path.join(root, "assets"), { recursive: true });
  writeFileSync(path.join(root, "index.html"), "<!doctype html><title>Forklift</title>");
  writeFileSync(path.join(root, "assets", "index-abc.js"), "console.log('app')");
  writeFileSync(path.join(root, "assets", "codicon.ttf"), "font");
  writeFileSync(path.join(root, ".env"), "SECRET=1");
  writeFileSync(path.join(base, "secret.txt"), "outside the renderer");
  symlinkSync(path.join(base, "secret.txt"), path.join(root, "assets", "escape.js"));
  mkdirSync(path.join(root, "folder"));
  handle = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = "GET") => handle(new Request(url, { method }));

describe("the app protocol", () => {
  it("is registered standard and secure, never bypassing the CSP nor open to other origins", () => {
    expect(appSchemePrivileges).toEqual({ scheme: "forklift-app", privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it("serves the entry page and assets with their types and the CSP", async () => {
    const page = await get("forklift-app://app/");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Forklift</title>");
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toBe(rendererCsp);
    const script = await get("forklift-app://app/assets/index-abc.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    expect(contentTypeOf("a/b/codicon.ttf")).toBe("font/ttf");
    expect(contentTypeOf("unknown.bin")).toBe("application/octet-stream");
  });

  it("answers HEAD without a body", async () => {
    const head = await get("forklift-app://app/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it.each([
    ["forklift-app://app/../secret.txt", "dot segments (normalized by the URL parser, still inside the root)"],
    ["forklift-app://app/%2e%2e/secret.txt", "encoded dot segments"],
    ["forklift-app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "encoded separators"],
    ["forklift-app://app/..%5csecret.txt", "an encoded backslash"],
    ["forklift-app://app/assets/%00.js", "an encoded NUL"],
    ["forklift-app://app/C:%5cWindows%5cwin.ini", "a drive letter"],
    ["forklift-app://app/assets/escape.js", "a symlink leading out of the root"],
  ])("never serves a file outside the renderer: %s (%s)", async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain("outside the renderer");
    expect(response.headers.get("content-security-policy")).toBe(rendererCsp);
  });

  it("refuses traversal before touching the disk", () => {
    // the URL parser already folds encoded dot segments: what is left stays under the root
    expect(resolveAppPath(root, "forklift-app://app/%2e%2e/secret.txt")).toEqual({ kind: "file", path: path.join(root, "secret.txt") });
    expect(resolveAppPath(root, "forklift-app://app/assets/..%2f..%2fsecret.txt")).toMatchObject({ kind: "refused", status: 403 });
    expect(resolveAppPath(root, "forklift-app://app/a/%2F/b")).toMatchObject({ kind: "refused", status: 403 });
    expect(resolveAppPath(root, "forklift-app://app/%E0%A4%A")).toMatchObject({ kind: "refused", status: 400 });
    expect(resolveAppPath(root, "forklift-app://app/assets/index-abc.js")).toEqual({ kind: "file", path: path.join(root, "assets", "index-abc.js") });
  });

  it("answers 404 for unknown paths, folders and hidden files, with the CSP", async () => {
    for (const url of ["forklift-app://app/nope.js", "forklift-app://app/folder", "forklift-app://app/.env", "forklift-app://app/assets/"]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get("content-security-policy")).toBe(rendererCsp);
    }
  });

  it("refuses other hosts, credentials, ports and methods", async () => {
    expect((await get("forklift-app://evil/index.html")).status).toBe(403);
    // fetch's Request cannot even carry credentials; the resolver refuses them all the same
    expect(resolveAppPath(root, "forklift-app://user@app/index.html")).toMatchObject({ kind: "refused", status: 403 });
    expect((await get("forklift-app://app:8080/index.html")).status).toBe(403);
    expect((await get("forklift-app://app/index.html", "POST")).status).toBe(405);
  });
});

describe("the renderer's Content-Security-Policy", () => {
  const directives = new Map(rendererCsp.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));

  it("allows scripts from the app itself only: no inline, no eval, no remote origin", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(rendererCsp).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("forbids plugins, framing, form posts and base rewrites", () => {
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("frame-src")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
  });
});
