// A committed symlink that leads out of the repository: Docker refuses one in a tar stream
// ("invalid symlink"), which failed the whole session. It is left out of the sandbox instead,
// and the links that stay inside are copied as links.
import { symlink } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { baseImageName } from "./base-image.ts";
import { makeSampleRepo, type TempRepo } from "./testing/sample-repo.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, session } = useDriver("escaping-links");
let repo: TempRepo;

beforeAll(async () => {
  repo = await makeSampleRepo();
  await symlink("../../../etc/passwd", path.join(repo.path, "climbs-out"));
  await symlink("/etc/shadow", path.join(repo.path, "absolute"));
  await symlink("src/logger.js", path.join(repo.path, "inside"));
  await repo.git("add", "-A");
  await repo.git("commit", "-q", "-m", "links");
});

afterAll(async () => {
  await repo?.remove();
});

it("builds the checkpoint without the links that leave the repository, keeping the one inside", async () => {
  const checkpoint = await driver().createCheckpoint({ session: session("links"), node: "root", repoPath: repo.path, image: baseImageName });
  const fork = await driver().fork(checkpoint, { node: "look" });
  try {
    const listing = await driver().exec(fork, { command: "for f in climbs-out absolute inside; do if [ -L $f ]; then echo \"$f -> $(readlink $f)\"; else echo \"$f absent\"; fi; done" });
    expect(listing.stdout.text).toBe("climbs-out absent\nabsolute absent\ninside -> src/logger.js\n");
  } finally {
    await driver().destroy(fork);
    await driver().removeCheckpoint(checkpoint);
  }
});
