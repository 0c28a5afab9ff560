import { z } from "zod";

const typeWords: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

/**
 * The spec's error map for issues whose schema gave no text of its own: says what is expected,
 * in the words of YAML rather than of JavaScript. `onUnknownKeys` learns which keys the object
 * at a path accepts, for "did you mean".
 */
export function issueText(onUnknownKeys: (path: PropertyKey[], known: string[]) => void): z.core.$ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return `expected ${typeWords[issue.expected] ?? issue.expected}`;
      case "invalid_value":
        return issue.values.length === 1
          ? `expected ${JSON.stringify(issue.values[0])}`
          : `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
      case "too_small":
        return `expected ${bound("min", issue.origin, issue.minimum, issue.inclusive)}`;
      case "too_big":
        return `expected ${bound("max", issue.origin, issue.maximum, issue.inclusive)}`;
      case "invalid_format":
        return issue.format === "regex" ? `expected text matching ${issue.pattern}` : `expected a valid ${issue.format}`;
      case "not_multiple_of":
        return `expected a multiple of ${issue.divisor}`;
      case "invalid_union": {
        const options = [...new Set(issue.errors.map((errors) => errors[0]?.message.replace(/^expected /, "")).filter(Boolean))];
        return options.length > 0 ? `expected ${options.join(" or ")}` : "expected one of the allowed forms";
      }
      case "unrecognized_keys":
        if (issue.inst instanceof z.ZodObject) onUnknownKeys(issue.path ?? [], Object.keys(issue.inst.shape));
        return "unknown key";
      default:
        return undefined;
    }
  };
}

function bound(direction: "min" | "max", origin: string, limit: number | bigint, inclusive: boolean | undefined): string {
  const exclusive = inclusive === false;
  if (origin === "string" && direction === "min" && Number(limit) === 1 && !exclusive) return "a non-empty string";
  const words = direction === "min" ? (exclusive ? "more than" : "at least") : exclusive ? "fewer than" : "at most";
  if (origin === "array" || origin === "set") return `${words} ${limit} item${Number(limit) === 1 ? "" : "s"}`;
  if (origin === "string") return `${words} ${limit} characters`;
  const symbol = direction === "min" ? (exclusive ? ">" : "≥") : exclusive ? "<" : "≤";
  return `a number ${symbol} ${limit}`;
}

/** A value as a problem shows it after "got": short, in YAML's words. */
export function describeValue(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** A zod path the way the spec's author would write it: `checks[0].timeoutSec`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
