import path from "node:path";

/**
 * Whether a symlink at `linkPath` (repository-relative, POSIX) pointing at `target` stays inside
 * the repository when read as a path: relative, and never climbing above the root. A link that
 * leaves it would carry a host file (e.g. /etc/passwd) into sandboxes, patches and commits.
 */
export function linkStaysInside(linkPath: string, target: string): boolean {
  if (target === "" || target.includes("\0") || path.posix.isAbsolute(target) || /^[A-Za-z]:[\\/]/.test(target) || target.startsWith("\\")) return false;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(linkPath), target.replaceAll("\\", "/")));
  return resolved !== ".." && !resolved.startsWith("../") && resolved !== ".";
}
