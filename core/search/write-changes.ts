import { chmod, mkdir, realpath, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges } from "../../shared/file-changes.ts";
import { checkRepoPath, resolveRepoPath } from "../edits/index.ts";
import type { GitFile } from "../patches/index.ts";
import { linkStaysInside } from "../patches/index.ts";

/**
 * Writes changes into a directory (a temporary checkout): text, or git files with their exact
 * bytes and mode (a symlink is made as a link). A path's parent must resolve inside the
 * directory, the path itself is replaced rather than followed, and a link may not lead out.
 */
export async function writeChanges(dir: string, changes: FileChanges | Record<string, GitFile | null>): Promise<void> {
  const realDir = await realpath(dir);
  for (const [file, change] of Object.entries(changes)) {
    const checked = checkRepoPath(file); // the path's own text (no .., no .git); its parent is resolved through links below
    if (!checked.ok) throw new ForkliftError("path-outside-repo", `path \`${file}\` is refused: ${checked.reason}`);
    const parent = path.posix.dirname(file);
    const parentDir = parent === "." ? realDir : await resolveRepoPath(dir, parent);
    const absolute = path.join(parentDir, path.posix.basename(file));
    await rm(absolute, { force: true });
    if (change === null) continue;
    await mkdir(parentDir, { recursive: true });
    if (typeof change === "string") await writeFile(absolute, change);
    else if (change.mode === "120000") {
      const target = Buffer.from(change.content).toString("utf8");
      if (!linkStaysInside(file, target)) throw new ForkliftError("path-outside-repo", `${file} is a symlink to ${target}, outside the repository: it is not written`);
      await symlink(target, absolute);
    } else {
      await writeFile(absolute, change.content);
      await chmod(absolute, change.mode === "100755" ? 0o755 : 0o644);
    }
  }
}
