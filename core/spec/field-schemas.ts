import { z } from "zod";

/**
 * Schema-level error text, so a problem says what the field expects rather than zod's generic
 * words. Unknown keys are left to the spec's own message, which suggests the key meant.
 */
export function expecting(what: string): { error: (issue: { code?: string }) => string | undefined } {
  return { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : `expected ${what}`) };
}

/** A non-empty string. */
export const text = () => z.string(expecting("a non-empty string")).min(1, expecting("a non-empty string"));

/** A short name other fields refer to: letters, digits, `.`, `_`, `-`. */
export const identifier = () =>
  z.string(expecting("a name")).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, expecting("a name of letters, digits, '.', '_' or '-'"));

/** A number greater than zero. */
export const positiveNumber = () => z.number(expecting("a positive number")).positive(expecting("a positive number"));

/** A number of zero or more. */
export const nonNegativeNumber = () => z.number(expecting("a number ≥ 0")).nonnegative(expecting("a number ≥ 0"));

/** A whole number greater than zero. */
export const positiveInt = () =>
  z.number(expecting("a positive whole number")).int(expecting("a positive whole number")).positive(expecting("a positive whole number"));

/** A whole number of zero or more. */
export const nonNegativeInt = () =>
  z.number(expecting("a whole number ≥ 0")).int(expecting("a whole number ≥ 0")).nonnegative(expecting("a whole number ≥ 0"));

/**
 * A path inside the repository, relative to its root (POSIX slashes): never absolute, never
 * leading out with `..`, never into `.git`. `what` names it in the error ("the Dockerfile").
 */
export const repositoryPath = (what: string) =>
  text().superRefine((value, ctx) => {
    const parts = value.replaceAll("\\", "/").split("/").filter((part) => part !== "" && part !== ".");
    let depth = 0;
    let outside = value.startsWith("/") || /^[A-Za-z]:/.test(value) || value.startsWith("~");
    for (const part of parts) {
      depth += part === ".." ? -1 : 1;
      if (depth < 0) outside = true;
    }
    if (outside) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)} is outside the repository: ${what} must be a path relative to its root`, input: undefined });
    } else if (parts.length === 0 || parts[0] === ".git") {
      ctx.addIssue({ code: "custom", message: `${what} must name a path inside the repository other than its root or .git, got ${JSON.stringify(value)}`, input: undefined });
    }
  });
