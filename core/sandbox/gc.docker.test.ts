// gc(live): removes Forklift's containers and images that are not named live, and nothing else.
import { afterAll, beforeAll, expect, it } from "vitest";
import { baseImageName } from "./base-image.ts";
import type { Checkpoint } from "./index.ts";
import { findLeaks } from "./testing/leak-check.ts";
import { makeSampleRepo, type TempRepo } from "./testing/sample-repo.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, session } = useDriver("gc");
let repo: TempRepo;

beforeAll(async () => {
  repo = await makeSampleRepo();
});

afterAll(async () => {
  await repo?.remove();
});

/** Sessions on the daemon that are not this test's: named live, so a user's own work is never touched. */
async function otherSessions(mine: string[]): Promise<string[]> {
  return [...new Set((await findLeaks(driver().client, "")).map((r) => r.session))].filter((s) => !mine.includes(s));
}

it("removes what is not live, keeps what is, and leaves the base image alone", async () => {
  const kept = session("kept");
  const dropped = session("dropped");
  const keptCheckpoint: Checkpoint = await driver().createCheckpoint({ session: kept, node: "root", repoPath: repo.path, image: baseImageName });
  const droppedCheckpoint = await driver().createCheckpoint({ session: dropped, node: "root", repoPath: repo.path, image: baseImageName });
  const keptFork = await driver().fork(keptCheckpoint, { node: "k" });
  const droppedFork = await driver().fork(droppedCheckpoint, { node: "d" });
  const droppedChild = await driver().checkpoint(droppedFork, "child");
  const orphanFork = await driver().fork(droppedChild, { node: "orphan" });

  const live = { sessions: [...(await otherSessions([kept, dropped])), kept] };
  const preview = await driver().gc(live, { dryRun: true });
  expect(new Set(preview.removedContainers)).toEqual(new Set([droppedFork.id, orphanFork.id]));
  expect(new Set(preview.removedImages)).toEqual(new Set([droppedCheckpoint.id, droppedChild.id]));
  expect((await findLeaks(driver().client, dropped)).length).toBe(4);

  const report = await driver().gc(live);
  expect(report.failed).toEqual([]);
  expect(report.removedImages).toEqual([droppedChild.id, droppedCheckpoint.id]); // child first
  expect(await findLeaks(driver().client, dropped)).toEqual([]);
  expect((await findLeaks(driver().client, kept)).length).toBe(2);
  expect(await driver().client.api.getImage(baseImageName).inspect()).toBeTruthy();

  // Naming ids instead of sessions keeps exactly those.
  const byId = await driver().gc({ sessions: await otherSessions([kept]), checkpoints: [keptCheckpoint.id], sandboxes: [keptFork.id] });
  expect(byId.removedContainers).toEqual([]);
  await driver().destroy(keptFork);
  await driver().removeCheckpoint(keptCheckpoint);
});

it("never removes the driver's own warm pool", async () => {
  const pooled = session("pool");
  const checkpoint = await driver().createCheckpoint({ session: pooled, node: "root", repoPath: repo.path, image: baseImageName });
  await driver().warm(checkpoint, 2);
  const report = await driver().gc({ sessions: await otherSessions([pooled]) });
  expect(report.removedContainers).toEqual([]);
  expect(report.removedImages).toEqual([]);
  const fork = await driver().fork(checkpoint, { node: "f" });
  expect((await driver().exec(fork, { command: "true" })).status).toBe("exited");
  await driver().destroy(fork);
  await driver().removeCheckpoint(checkpoint); // drains the pool first
  expect(await findLeaks(driver().client, pooled)).toEqual([]);
});
