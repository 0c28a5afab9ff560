import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Replaces a file's content atomically: writes a temporary file beside it (created exclusively,
 * so an existing file or symlink of that name is never followed), flushes it, then renames it
 * over the target. Readers see the old or the new content, never a half-written file. A new
 * file's directories are created; an existing file keeps its permission bits.
 */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const directory = path.dirname(target);
  await mkdir(directory, { recursive: true });
  const mode = await stat(target).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  // The name is shortened so that a long file name plus the suffix stays under the 255-byte limit.
  const name = `.${path.basename(target).slice(0, 100)}.forklift-${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  const temporary = path.join(directory, name);
  const handle = await open(temporary, "wx", mode ?? 0o666);
  try {
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
