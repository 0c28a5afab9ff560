/** Checks paths that callers give relative to a sandbox's workdir. */
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";

/** Normalises a POSIX path relative to the workdir; rejects absolute paths and paths that leave it. */
export function relativeSandboxPath(file: string): string {
  const normal = path.posix.normalize(file.replace(/\\/g, "/"));
  if (file === "" || path.posix.isAbsolute(normal) || normal === "." || normal === ".." || normal.startsWith("../")) {
    throw new ForkliftError("path-outside-repo", `path ${JSON.stringify(file)} is not inside the repository: use a path relative to the repository root`);
  }
  return normal.replace(/\/$/, "");
}
