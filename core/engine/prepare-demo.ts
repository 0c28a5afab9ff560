/** The bundled demo: examples/sample-app copied into a fresh git repository, with the spec that migrates it. */
import { execFile } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const examples = fileURLToPath(new URL("../../examples/", import.meta.url));

/** The demo's spec and repository, shipped with Forklift. */
export const demoFiles = { spec: path.join(examples, "specs", "console-to-logger.yml"), app: path.join(examples, "sample-app") };

/** Copies the sample app into a new temporary git repository (one commit) and returns its path with the demo spec's. */
export async function prepareDemo(): Promise<{ repoPath: string; specPath: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-demo-"));
  await cp(demoFiles.app, dir, { recursive: true });
  const git = (...args: string[]) =>
    run("git", ["-c", "user.name=Forklift Demo", "-c", "user.email=demo@forklift.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-q", "-m", "sample app before the migration");
  return { repoPath: dir, specPath: demoFiles.spec };
}
