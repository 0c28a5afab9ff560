import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileChanges } from "../../shared/file-changes.ts";
import { resolveRepoPath } from "../edits/index.ts";

/** Writes changes into a directory (a temporary checkout), refusing any path that leaves it. */
export async function writeChanges(dir: string, changes: FileChanges): Promise<void> {
  for (const [file, content] of Object.entries(changes)) {
    const absolute = await resolveRepoPath(dir, file);
    if (content === null) await rm(absolute, { force: true });
    else {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, content);
    }
  }
}
