import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (pure and file-system tests, parallel) and `docker` (integration tests
 * against the real Docker engine, serial so forks do not starve each other on 2 cores).
 */
export default defineConfig({
  test: {
    reporters: ["default", "./.ci/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["{shared,core,electron,bench}/**/*.test.ts", "renderer/**/*.test.{ts,tsx}"],
          exclude: ["**/*.docker.test.ts", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "docker",
          include: ["{core,bench}/**/*.docker.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ["core/sandbox/testing/docker-global-setup.ts"],
        },
      },
    ],
  },
});
