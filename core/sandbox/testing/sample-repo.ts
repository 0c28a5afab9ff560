/** Test helper: a real git repository made from examples/sample-app in a temporary directory. */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The sample application shipped with the project. */
export const sampleAppPath = fileURLToPath(new URL("../../../examples/sample-app/", import.meta.url));

/** A temporary git repository; `remove()` deletes it. */
export interface TempRepo {
  readonly path: string;
  git(...args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/** Copies the sample app into a new temporary directory, `git init`s it and commits everything. */
export async function makeSampleRepo(): Promise<TempRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-sample-"));
  await cp(sampleAppPath, dir, { recursive: true });
  const git = async (...args: string[]) =>
    (await run("git", ["-c", "user.name=Forklift Tests", "-c", "user.email=tests@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir })).stdout;
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-q", "-m", "sample app");
  return { path: dir, git, remove: () => rm(dir, { recursive: true, force: true }) };
}
