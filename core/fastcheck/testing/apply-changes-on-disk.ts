/** Writes a change set into a directory and gives back a function that restores what was there. */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileChanges } from "../../../shared/file-changes.ts";

/** Applies `changes` under `dir` (null deletes); the returned function undoes exactly that. */
export async function applyChangesOnDisk(dir: string, changes: FileChanges): Promise<() => Promise<void>> {
  const before = new Map<string, string | undefined>();
  for (const [file, content] of Object.entries(changes)) {
    const target = path.join(dir, file);
    before.set(target, await readFile(target, "utf8").catch(() => undefined));
    if (content === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  return async () => {
    for (const [target, content] of before) {
      if (content === undefined) await rm(target, { force: true });
      else await writeFile(target, content);
    }
  };
}
