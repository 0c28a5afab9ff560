/**
 * Which slow checks the fast tier already answers. The warm type-checker reports exactly what
 * `tsc --noEmit` reports for the files a change affects (a CI test holds it to that), with the
 * repository's root tsconfig.json; a `tsc` check on that same project would only repeat it in a
 * fork, seconds later. Checks on another project, in build mode, or with another parser still run.
 */
import type { CheckSpec } from "../spec/check-schema.ts";

const projectFlags = new Set(["-p", "--project"]);
const buildFlags = new Set(["-b", "--build"]);
const rootProjects = new Set(["tsconfig.json", "./tsconfig.json", ".", "./"]);

/** True when `check` is a tsc check of the root tsconfig.json, which the fast tier covers. */
export function coveredByFastTier(check: CheckSpec): boolean {
  if (check.parser !== "tsc") return false;
  const words = check.command.trim().split(/\s+/);
  if (words.some((word) => buildFlags.has(word) || /[;&|]/.test(word))) return false;
  const flag = words.findIndex((word) => projectFlags.has(word));
  if (flag === -1) return !words.some((word) => word.startsWith("--project="));
  const project = words[flag + 1];
  return project !== undefined && rootProjects.has(project);
}
