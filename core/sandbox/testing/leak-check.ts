/** Test helper: finds Forklift containers and images left behind by test sessions, removes them, and fails. */
import { collectGarbage, listForkliftResources, type LabelledResource } from "../docker/collect-garbage.ts";
import type { DockerClient } from "../docker/docker-client.ts";

/** Prefix of every session id the test suites create; a user's own sessions never start with it. */
export const testSessionRoot = "fltest-";

/** Resources of test runs older than this are stale whatever their process. */
const staleAfterMs = 6 * 3600_000;

/**
 * True for a test resource whose run is over: its session names a process (`fltest-p<pid>x…`)
 * that no longer exists on this machine (checked only when the daemon is local), or it is old.
 */
export function isStaleTestSession(resource: LabelledResource, daemonIsLocal: boolean, now = Date.now()): boolean {
  if (!resource.session.startsWith(testSessionRoot)) return false;
  if (now - resource.created * 1000 > staleAfterMs) return true;
  const pid = /^fltest-p(\d+)x/.exec(resource.session)?.[1];
  if (!pid || !daemonIsLocal) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Test resources (containers and images) whose session starts with `prefix`. */
export async function findLeaks(client: DockerClient, prefix: string): Promise<LabelledResource[]> {
  return (await listForkliftResources(client)).filter((resource) => resource.session.startsWith(prefix));
}

/** Removes everything of sessions starting with `prefix`; returns how many resources it removed. */
export async function removeTestResources(client: DockerClient, prefix: string): Promise<number> {
  const report = await collectGarbage(client, {}, { only: (resource) => resource.session.startsWith(prefix) });
  return report.removedContainers.length + report.removedImages.length;
}

/** Throws (after cleaning up, so one leak does not cascade) when anything of sessions starting with `prefix` is left. */
export async function assertNoLeaks(client: DockerClient, prefix: string): Promise<void> {
  const leaks = await findLeaks(client, prefix);
  if (leaks.length === 0) return;
  await removeTestResources(client, prefix);
  const list = leaks.map((leak) => `${leak.kind} ${leak.id.replace(/^sha256:/, "").slice(0, 12)} (session ${leak.session}, role ${leak.role || "?"})`);
  throw new Error(`leaked ${leaks.length} Forklift resource(s): ${list.join(", ")}`);
}
