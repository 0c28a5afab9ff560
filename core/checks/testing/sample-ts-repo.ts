/**
 * Test helper: examples/sample-ts-app as a real git repository in a temporary directory, with
 * `typescript` and `@types/node` copied from Forklift's own node_modules (sandboxes have no
 * network). node_modules stays untracked and not ignored, so a checkpoint carries it.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FileTree } from "../../../shared/file-changes.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The sample TypeScript application shipped with the project. */
export const sampleTsAppPath = fileURLToPath(new URL("../../../examples/sample-ts-app/", import.meta.url));

/** Packages the sample needs, copied from the host. */
const packages = ["typescript", "@types/node", "undici-types"];

/** The sample's source files (src/ and test/), as a FileTree. */
export const sampleSourcePaths = ["src/cart.ts", "src/format.ts", "src/inventory.ts", "src/logger.ts", "test/cart.test.ts", "test/format.test.ts", "test/inventory.test.ts"];

/** A temporary copy of the sample; `remove()` deletes it. */
export interface SampleTsRepo {
  readonly dir: string;
  /** The tracked source files' contents. */
  readonly files: FileTree;
  remove(): Promise<void>;
}

/** Copies the sample, installs its dependencies from the host, and commits everything but node_modules. */
export async function makeSampleTsRepo(): Promise<SampleTsRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-sample-ts-"));
  await cp(sampleTsAppPath, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
  for (const name of packages) {
    const from = path.dirname(require.resolve(`${name}/package.json`));
    await cp(from, path.join(dir, "node_modules", name), { recursive: true, dereference: true });
  }
  const git = (...args: string[]) => run("git", ["-c", "user.name=Forklift Tests", "-c", "user.email=tests@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "--", ".", ":(exclude)node_modules");
  await git("commit", "-q", "-m", "sample-ts-app");
  const files: FileTree = {};
  for (const file of sampleSourcePaths) files[file] = await readFile(path.join(dir, file), "utf8");
  return { dir, files, remove: () => rm(dir, { recursive: true, force: true }) };
}
