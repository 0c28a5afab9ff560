/**
 * The browser host's security as Chromium enforces it: the token leaves the address bar for an
 * HttpOnly cookie, the page's own socket works, a page of another origin cannot reach the engine,
 * and the CSP blocks inline script and remote connections while the studio itself loads clean.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { repositoryRoot, startStudio } from "./studio-process.ts";
import type { StudioProcess } from "./studio-process.ts";

const artifacts = path.join(repositoryRoot, "e2e", "artifacts");

let studio: StudioProcess;

test.beforeAll(async () => {
  studio = await startStudio(["--demo"]);
});

test.afterAll(async () => {
  expect(await studio.stop()).toBe(0);
});

/** Collects what goes wrong on the page: console errors (CSP violations included), uncaught errors, failed requests. */
function watch(page: Page): { errors: string[] } {
  const seen = { errors: [] as string[] };
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) seen.errors.push(`${response.status()} ${response.url()}`);
  });
  return seen;
}

test("the printed URL opens the studio; the token moves into an HttpOnly cookie and out of the address bar", async ({ page }) => {
  const seen = watch(page);
  await page.goto(studio.url);
  expect(page.url()).toBe(`http://127.0.0.1:${studio.port}/?demo=1`);
  await expect(page.getByTestId("studio")).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toBe("");
  const cookies = await page.context().cookies();
  expect(cookies).toEqual([expect.objectContaining({ name: `forklift_token_${studio.port}`, httpOnly: true, sameSite: "Strict" })]);
  // the studio itself loads without a CSP violation or an error
  expect(seen.errors).toEqual([]);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, "studio-start.png") });
});

test("the page reaches the engine over its own origin's socket", async ({ page }) => {
  await page.goto(studio.url);
  const answer = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/rpc`);
        socket.onopen = () => socket.send(JSON.stringify({ kind: "request", id: 1, method: "session/list", params: {} }));
        socket.onmessage = (event) => {
          resolve(JSON.parse(String(event.data)));
          socket.close();
        };
        socket.onerror = () => reject(new Error("socket refused"));
      }),
  );
  expect(answer).toEqual({ kind: "response", id: 1, ok: true, result: [] });
});

test("the CSP blocks inline script and connections to other origins", async ({ page }) => {
  await page.goto(studio.url);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (event) => violations.push(event.effectiveDirective));
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true;";
    document.body.appendChild(script);
    const remote = await fetch("http://example.invalid/").then(
      () => "fetched",
      () => "blocked",
    );
    const socket = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket("ws://127.0.0.1:1/rpc");
        ws.onerror = () => resolve("blocked");
        ws.onopen = () => resolve("opened");
      } catch {
        resolve("blocked");
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, remote, socket, violations };
  });
  expect(outcome.inlineRan).toBe(false);
  expect(outcome.remote).toBe("blocked");
  expect(outcome.socket).toBe("blocked");
  expect(outcome.violations).toEqual(expect.arrayContaining(["script-src-elem", "connect-src"]));
});

test("a page of another origin cannot use the engine, even on this machine", async ({ page }) => {
  // what a malicious site would do: a WebSocket to the studio's port from its own page
  await page.goto("data:text/html,<title>elsewhere</title>");
  const outcome = await page.evaluate(
    (port) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc`);
        socket.onopen = () => resolve("opened");
        socket.onclose = (event) => resolve(`closed ${event.code}`);
      }),
    studio.port,
  );
  // the host refused the handshake (Origin "null"): the browser sees an abnormal close
  expect(outcome).toBe("closed 1006");
});
