import { readFile } from "node:fs/promises";
import { ForkliftError } from "../../shared/errors.ts";
import type { Spec } from "./spec-schema.ts";
import { formatSpecProblem, validateSpec } from "./validate-spec.ts";

/** The largest spec file read: a migration spec is a short YAML file, and a huge one is the wrong file. */
export const maxSpecFileBytes = 1024 * 1024;

/**
 * Reads and validates a migration spec. Throws ForkliftError "invalid-spec" naming the first
 * problem's file, line, column and field (and how many more there are), or "not-found". A file
 * over {@link maxSpecFileBytes} or one that is not UTF-8 text is "invalid-spec" too.
 */
export async function loadSpec(path: string): Promise<Spec> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ForkliftError("not-found", `cannot read the spec ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (bytes.length > maxSpecFileBytes) {
    throw new ForkliftError("invalid-spec", `${path}:1:1: the spec is ${Math.round(bytes.length / 1024)} KiB, over ${maxSpecFileBytes / 1024} KiB: a migration spec is a short YAML file; is this the right file?`);
  }
  const source = bytes.toString("utf8");
  const notText = notTextAt(bytes, source);
  if (notText !== undefined) {
    const before = source.slice(0, notText);
    const line = before.split("\n").length;
    const column = notText - before.lastIndexOf("\n");
    throw new ForkliftError("invalid-spec", `${path}:${line}:${column}: not UTF-8 text (a migration spec is a YAML file): is this the right file?`);
  }
  const result = validateSpec(source, path);
  if (result.ok) return result.spec;
  const [first, ...rest] = result.problems;
  const more = rest.length === 0 ? "" : ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})`;
  throw new ForkliftError("invalid-spec", `${first ? formatSpecProblem(path, first) : `${path}: invalid spec`}${more}`);
}

/** Where (an offset into the decoded text) the bytes stop being text: a NUL, or bytes that are not UTF-8; undefined for text. */
function notTextAt(bytes: Buffer, source: string): number | undefined {
  const nul = source.indexOf("\0");
  if (Buffer.from(source, "utf8").equals(bytes)) return nul === -1 ? undefined : nul;
  const replaced = source.indexOf("\uFFFD");
  return [nul, replaced].filter((at) => at !== -1).reduce((a, b) => Math.min(a, b), source.length);
}
