import { lstat, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import { printable } from "./printable.ts";
import { checkRepoPath, deniedSegmentOf } from "./repo-path-rules.ts";

/** Where a repository path really leads, or why it is refused. */
export type ResolvedRepoPath =
  | { ok: true; path: string; absolute: string }
  | { ok: false; code: "path-outside-repo" | "invalid-input"; reason: string };

/**
 * The absolute path an edit to `relativePath` may write, after checking the text of the path
 * ({@link checkRepoPath}) and where it really leads: the nearest existing ancestor is resolved
 * through symlinks and must lie inside the repository's real root, and the resolved path must
 * not reach a denied segment (a link to `.git` is refused like `.git` itself). Throws a
 * ForkliftError ("path-outside-repo" or "invalid-input") with a one-line reason.
 */
export async function resolveRepoPath(root: string, relativePath: string): Promise<string> {
  const resolved = await tryResolveRepoPath(root, relativePath);
  if (!resolved.ok) throw new ForkliftError(resolved.code, `path \`${printable(relativePath)}\` is refused: ${resolved.reason}`);
  return resolved.absolute;
}

/** {@link resolveRepoPath} returning the refusal instead of throwing it. */
export async function tryResolveRepoPath(root: string, relativePath: string): Promise<ResolvedRepoPath> {
  const check = checkRepoPath(relativePath);
  if (!check.ok) return { ok: false, code: refusalCode(check.reason), reason: check.reason };
  const realRoot = await realpath(root).catch((cause: unknown) => {
    throw new ForkliftError("not-found", `repository root ${root} cannot be read`, { cause });
  });
  const target = path.join(realRoot, ...check.path.split("/"));
  let existing = target;
  const tail: string[] = [];
  for (;;) {
    const found = await exists(existing);
    if (typeof found === "string") return { ok: false, code: "invalid-input", reason: `it cannot be checked (${found})` };
    if (found || existing === realRoot) break;
    tail.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  let realExisting: string;
  try {
    realExisting = await realpath(existing);
  } catch {
    return { ok: false, code: "path-outside-repo", reason: "it goes through a broken or looping symlink" };
  }
  const inside = path.relative(realRoot, realExisting);
  if (inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return { ok: false, code: "path-outside-repo", reason: "a symlink takes it out of the repository" };
  }
  const segments = [...(inside === "" ? [] : inside.split(path.sep)), ...tail];
  const denied = deniedSegmentOf(segments);
  if (denied !== undefined) return { ok: false, code: "path-outside-repo", reason: `a symlink takes it into \`${denied}\`` };
  if (segments.length === 0) return { ok: false, code: "invalid-input", reason: "it names the repository root, not a file" };
  if (tail.length > 0 && !(await stat(realExisting).then((s) => s.isDirectory(), () => false))) {
    return { ok: false, code: "invalid-input", reason: `\`${inside}\` is a file, not a directory` };
  }
  return { ok: true, path: check.path, absolute: path.join(realExisting, ...tail) };
}

/** Whether something (a symlink counts) is at `file`; an error code when that cannot be told. */
async function exists(file: string): Promise<boolean | string> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    const code = errorCode(error);
    // ELOOP: a looping link on the way; the walk goes up to the link itself, and realpath refuses it.
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP") return false;
    return code ?? "unknown error";
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function refusalCode(reason: string): "path-outside-repo" | "invalid-input" {
  return /absolute|`\.\.`|~|may not touch/.test(reason) ? "path-outside-repo" : "invalid-input";
}
