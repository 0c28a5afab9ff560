import { readFile } from "node:fs/promises";
import { ForkliftError } from "../../shared/errors.ts";
import type { Spec } from "./spec-schema.ts";
import { formatSpecProblem, validateSpec } from "./validate-spec.ts";

/**
 * Reads and validates a migration spec. Throws ForkliftError "invalid-spec" naming the first
 * problem's file, line, column and field (and how many more there are), or "not-found".
 */
export async function loadSpec(path: string): Promise<Spec> {
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (error) {
    throw new ForkliftError("not-found", `cannot read the spec ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const result = validateSpec(source, path);
  if (result.ok) return result.spec;
  const [first, ...rest] = result.problems;
  const more = rest.length === 0 ? "" : ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})`;
  throw new ForkliftError("invalid-spec", `${first ? formatSpecProblem(path, first) : `${path}: invalid spec`}${more}`);
}
