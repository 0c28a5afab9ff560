/**
 * Global setup of the `docker` test project: fails fast with one clear line when the daemon or the
 * base image is missing, hands every test file a run-unique session prefix, and at the end fails
 * the run if any container or image of this run's sessions is left.
 */
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { baseImageName } from "../base-image.ts";
import { connectDocker } from "../docker/docker-client.ts";
import { inspectImage } from "../docker/inspect-image.ts";
import { collectGarbage } from "../docker/collect-garbage.ts";
import { assertNoLeaks, isStaleTestSession, testSessionRoot } from "./leak-check.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Session ids of this run start with it (see testing/test-session.ts). */
    sandboxTestPrefix: string;
  }
}

/** Checks the daemon and the base image, and returns the teardown that checks for leaks. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const client = await connectDocker({ timeoutMs: 15_000 }).catch((error: unknown) => {
    throw new Error(`docker tests need a Docker daemon: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!(await inspectImage(client, baseImageName))) {
    throw new Error(`docker tests need the base image ${baseImageName}: build it with \`npm run build:base-image\``);
  }
  // Other test runs may share this daemon right now (engineers, CI): only runs that are over are cleaned.
  const stale = await collectGarbage(client, {}, { only: (resource) => isStaleTestSession(resource, client.endpoint.kind === "unix") });
  const removed = stale.removedContainers.length + stale.removedImages.length;
  if (removed > 0) console.warn(`docker tests: removed ${removed} resource(s) left by earlier, interrupted test runs`);
  const prefix = `${testSessionRoot}p${process.pid}x${randomBytes(2).toString("hex")}`;
  project.provide("sandboxTestPrefix", prefix);
  return async () => {
    try {
      await assertNoLeaks(client, prefix);
    } catch (error) {
      // Vitest only logs an error thrown here ("error during close") and still exits 0.
      console.error(`docker tests: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
      throw error;
    }
  };
}
