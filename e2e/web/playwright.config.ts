/**
 * The browser host's e2e (`npm run e2e:web`, part of `npm test`): the real `forklift studio`
 * process with the real engine, driven in Debian's Chromium (/usr/bin/chromium, or
 * $FORKLIFT_CHROMIUM) with the launch flags that work as root on our machines.
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  workers: 1,
  timeout: 120_000,
  reporter: [["list"]],
  outputDir: "../../test-results/web",
  globalSetup: "./build-renderer.ts",
  use: {
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.FORKLIFT_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
