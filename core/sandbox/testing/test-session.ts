/** Test helper: session ids under this run's prefix, a driver per file, and the per-test leak check. */
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { createDockerSandboxDriver, type DockerDriverOptions, type DockerSandboxDriver } from "../docker/docker-sandbox-driver.ts";
import { assertNoLeaks, testSessionRoot } from "./leak-check.ts";

/** The prefix of every session id of this test run. */
export function runPrefix(): string {
  return inject("sandboxTestPrefix") ?? `${testSessionRoot}local`;
}

/**
 * Registers a driver for the test file: connected before the tests, disposed after them; after
 * each test, nothing of `perTestPrefix()` sessions may be left; after all, nothing of the file's.
 */
export function useDriver(fileName: string, options: DockerDriverOptions = {}): { driver: () => DockerSandboxDriver; session: (name: string) => string; fileSessions: string } {
  let driver: DockerSandboxDriver | undefined;
  const fileSessions = `${runPrefix()}-${fileName}`;
  let testNumber = 0;
  beforeAll(async () => {
    driver = await createDockerSandboxDriver(options);
  });
  afterEach(async () => {
    if (driver) await assertNoLeaks(driver.client, `${fileSessions}-t${testNumber}-`);
    testNumber++;
  });
  afterAll(async () => {
    if (!driver) return;
    await driver.dispose();
    await assertNoLeaks(driver.client, fileSessions);
  });
  return {
    driver: () => {
      if (!driver) throw new Error("the driver is only available inside tests");
      return driver;
    },
    /** A session id that must be cleaned up by the end of the current test. */
    session: (name) => `${fileSessions}-t${testNumber}-${name}`,
    fileSessions,
  };
}
