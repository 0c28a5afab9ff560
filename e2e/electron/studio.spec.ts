/**
 * The desktop studio end to end: the real Electron window, the preload, the app protocol and the
 * engine process, driven by Playwright's `_electron`. Skipped, with the reason, where Electron's
 * binary or a display is missing (electron-availability.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { _electron as electron, expect, test } from "@playwright/test";
import type { ElectronApplication, Page } from "@playwright/test";
import type { Method, RequestOf, ResponseOf } from "../../shared/protocol/contract.ts";
import type { StudioBridge } from "../../shared/protocol/studio-bridge.ts";
import type { WireMessage } from "../../shared/protocol/wire.ts";
import { displayProblem, electronExecutable, electronSkipReason, repositoryRoot } from "./electron-availability.ts";

const skipReason = electronSkipReason();
if (skipReason) console.log(`electron e2e skipped: ${skipReason}`);

/** Calls the engine through the page's own bridge, as the renderer does. */
async function call<M extends Method>(page: Page, method: M, params: RequestOf<M>): Promise<ResponseOf<M>> {
  const reply = await page.evaluate(
    ([method, params]) =>
      new Promise<WireMessage>((resolve) => {
        const bridge = (window as unknown as { forklift: StudioBridge }).forklift;
        const id = 1_000_000 + Math.floor(Math.random() * 1_000_000);
        const stop = bridge.rpc.onMessage((message) => {
          if (message.kind === "response" && message.id === id) {
            stop();
            resolve(message);
          }
        });
        bridge.rpc.send({ kind: "request", id, method, params });
      }),
    [method, params] as const,
  );
  if (reply.kind !== "response") throw new Error("not a response");
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`);
  return reply.result as ResponseOf<M>;
}

test.describe("the Electron studio", () => {
  test.skip(skipReason !== undefined, skipReason ?? "");

  let app: ElectronApplication;
  let page: Page;
  let folder: string;
  let display: ChildProcess | undefined;

  test.beforeAll(async () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    if (!existsSync(path.join(repositoryRoot, "dist", "renderer", "index.html"))) {
      expect(spawnSync(npm, ["run", "build:renderer"], { cwd: repositoryRoot, stdio: "inherit" }).status).toBe(0);
    }
    expect(spawnSync(npm, ["run", "build:electron"], { cwd: repositoryRoot, stdio: "inherit" }).status).toBe(0);
    folder = mkdtempSync(path.join(tmpdir(), "forklift-electron-e2e-"));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      FORKLIFT_USER_DATA: path.join(folder, "user-data"),
      FORKLIFT_STORE: path.join(folder, "forklift.db"),
      FORKLIFT_NODE: process.execPath,
    };
    const { xvfb } = displayProblem();
    if (xvfb) {
      display = spawn(xvfb, [":97", "-screen", "0", "1440x900x24", "-nolisten", "tcp"], { stdio: "ignore" });
      env.DISPLAY = ":97";
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const executable = electronExecutable();
    if (!executable.ok) throw new Error(executable.reason);
    // Chromium refuses to run as root with its OS sandbox (CI runs as root); the renderer's JS sandbox and isolation stay on
    const rootArgs = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
    app = await electron.launch({ executablePath: executable.path, args: [path.join(repositoryRoot, "dist", "electron", "main.cjs"), ...rootArgs], env, cwd: repositoryRoot });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    display?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("opens the studio over the app protocol, with the demo ready to run", async () => {
    await expect(page.getByTestId("studio")).toBeVisible();
    expect(page.url()).toBe("forklift-app://app/index.html");
    expect(await call(page, "session/list", {})).toEqual([]);
    const demo = await call(page, "demo/prepare", {});
    expect(existsSync(demo.repoPath) && existsSync(demo.specPath)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("electron-studio.png") });
  });

  test("gives the renderer no Node and exactly the bridge", async () => {
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        bridge: Object.keys(scope.forklift as object).sort(),
      };
    });
    expect(globals).toEqual({ require: "undefined", process: "undefined", module: "undefined", Buffer: "undefined", bridge: ["host", "pickPath", "rpc", "saveFile"] });
  });

  test("enforces the CSP and keeps the window from leaving the app", async () => {
    const outcome = await page.evaluate(async () => {
      const scope = window as unknown as Record<string, unknown>;
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.append(script);
      let evalRan = true;
      try {
        (0, eval)("1");
      } catch {
        evalRan = false;
      }
      // http, not https: the guards would hand an https page to the user's browser, opening a tab on the machine running the test
      const opened = window.open("http://example.com/");
      const fetched = await fetch("https://example.com/").then(
        () => "fetched",
        () => "refused",
      );
      return { inline: scope.__inlineRan === true, evalRan, opened: opened !== null, fetched };
    });
    expect(outcome).toEqual({ inline: false, evalRan: false, opened: false, fetched: "refused" });
    await page.evaluate(() => void (window.location.href = "http://example.com/"));
    await page.waitForTimeout(500);
    expect(page.url()).toBe("forklift-app://app/index.html");
    expect(app.windows()).toHaveLength(1);
  });
});
