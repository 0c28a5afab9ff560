import { ForkliftError } from "../../shared/errors.ts";

/** Refuses a path that is not a plain repository-relative POSIX path (absolute, `..`, empty parts, NUL). */
export function checkPatchPath(path: string): string {
  const parts = path.split("/");
  if (path === "" || path.includes("\0") || parts.some((part) => part === "" || part === "." || part === "..")) {
    throw new ForkliftError("path-outside-repo", `not a repository-relative path: ${JSON.stringify(path)}`);
  }
  return path;
}
