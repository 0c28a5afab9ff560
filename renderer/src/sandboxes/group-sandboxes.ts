/** Groups a sandbox listing by session, for the panel: each session's checkpoints and containers and the disk they use. */
import type { CheckpointEntry, ContainerEntry, SandboxListing } from "../../../shared/protocol/sandbox-listing.ts";

/** One session's sandboxes (sessionId undefined: entries without a session label). */
export interface SandboxGroup {
  sessionId: string | undefined;
  checkpoints: CheckpointEntry[];
  containers: ContainerEntry[];
  bytes: number;
  /** Some entry belongs to a live session (gc keeps the group). */
  live: boolean;
}

/** Groups by session, the biggest first; within a group, newest first. */
export function groupSandboxes(listing: SandboxListing): SandboxGroup[] {
  const groups = new Map<string | undefined, SandboxGroup>();
  const group = (sessionId: string | undefined) => {
    let found = groups.get(sessionId);
    if (!found) groups.set(sessionId, (found = { sessionId, checkpoints: [], containers: [], bytes: 0, live: false }));
    return found;
  };
  for (const entry of listing.checkpoints) {
    const target = group(entry.sessionId);
    target.checkpoints.push(entry);
    target.bytes += entry.sizeBytes;
    target.live ||= entry.live;
  }
  for (const entry of listing.containers) {
    const target = group(entry.sessionId);
    target.containers.push(entry);
    target.bytes += entry.sizeBytes ?? 0;
    target.live ||= entry.live;
  }
  const newest = (a: { createdAt: number }, b: { createdAt: number }) => b.createdAt - a.createdAt;
  for (const target of groups.values()) {
    target.checkpoints.sort(newest);
    target.containers.sort(newest);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}
