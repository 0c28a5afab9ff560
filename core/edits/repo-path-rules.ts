/**
 * Path names an edit may never touch, compared per segment, case-insensitively, with trailing
 * dots and spaces removed (as Windows would): version-control internals (writing hooks or config
 * there runs code on the next git command) and installed dependencies (`node_modules/.bin`
 * holds executables; a migration changes the project's code, never what the package manager
 * installed).
 */
export const deniedSegments: ReadonlySet<string> = new Set([".git", ".hg", ".svn", "node_modules"]);

const maxPathLength = 4096;
const maxSegmentLength = 255;

/** A path an edit may name, in canonical form, or why it is refused. */
export type RepoPathCheck = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Checks a path's text, without the file system: it must be relative, stay inside the
 * repository (no `..` segment at all), contain no NUL or control characters and no denied
 * segment. Backslashes count as separators. Returns the POSIX form without `.` or empty segments.
 */
export function checkRepoPath(path: string): RepoPathCheck {
  if (path.length === 0) return { ok: false, reason: "it is empty" };
  if (path.length > maxPathLength) return { ok: false, reason: `it is longer than ${maxPathLength} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return { ok: false, reason: "it contains a NUL or control character" };
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) {
    return { ok: false, reason: "it is absolute; give a path relative to the repository root" };
  }
  const segments = slashed.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.length === 0) return { ok: false, reason: "it names the repository root, not a file" };
  if (segments[0] === "~") return { ok: false, reason: "it starts with ~; give a path relative to the repository root" };
  for (const segment of segments) {
    if (segment === "..") return { ok: false, reason: "it contains `..`; give a path inside the repository, relative to its root" };
    if (segment.length > maxSegmentLength) return { ok: false, reason: `a segment is longer than ${maxSegmentLength} characters` };
  }
  const denied = deniedSegmentOf(segments);
  if (denied !== undefined) return { ok: false, reason: `edits may not touch \`${denied}\`` };
  if (slashed.endsWith("/")) return { ok: false, reason: "it ends with /, which names a directory, not a file" };
  return { ok: true, path: segments.join("/") };
}

/** The first segment of a path on the deny-list, if any. */
export function deniedSegmentOf(segments: readonly string[]): string | undefined {
  return segments.find((segment) => deniedSegments.has(segment.replace(/[. ]+$/, "").toLowerCase()));
}
