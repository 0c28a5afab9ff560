/** Rejects overlay paths that are not plain repository-relative POSIX paths, before they reach an agent. */
import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges } from "../../shared/file-changes.ts";

/** Throws `path-outside-repo` for an absolute path, a `..` segment, a backslash or an empty segment. */
export function checkOverlayPaths(changes: FileChanges): void {
  for (const file of Object.keys(changes)) {
    const segments = file.split("/");
    const bad = file.startsWith("/") || file.includes("\\") || segments.some((segment) => segment === "" || segment === "." || segment === "..");
    if (bad) throw new ForkliftError("path-outside-repo", `not a repository-relative path: ${JSON.stringify(file)}`);
  }
}
