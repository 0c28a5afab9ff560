/**
 * The Electron e2e (`npm run e2e:electron`): one worker, the studio window driven by Playwright's
 * `_electron`. Where Electron's binary or a display is missing, the tests report themselves
 * skipped with the reason (electron-availability.ts), and the run still passes.
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  workers: 1,
  timeout: 120_000,
  reporter: [["list"]],
  outputDir: "../../test-results/electron",
  use: { screenshot: "only-on-failure" },
});
