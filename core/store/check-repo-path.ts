import { ForkliftError } from "../../shared/errors.ts";

/**
 * Refuses a changeset path that could escape the repository or mean two things: it must be
 * relative, POSIX (`/`), without `.`/`..`/empty segments or NUL. Files are written from these paths.
 */
export function checkRepoPath(path: string): void {
  const bad =
    path === "" ||
    path.startsWith("/") ||
    path.includes("\\") ||
    path.includes("\0") ||
    /^[A-Za-z]:/.test(path) ||
    path.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
  if (bad) throw new ForkliftError("path-outside-repo", `not a relative path inside the repository: ${JSON.stringify(path)}`);
}
