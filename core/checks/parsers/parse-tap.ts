/**
 * Reads TAP 13/14 as node's test runner writes it (`--test-reporter=tap`): test points with
 * SKIP/TODO directives, YAML diagnostics blocks, and subtests indented by four spaces that come
 * before their parent's point. A report without its top-level plan, or whose plan disagrees
 * with the points, is incomplete (cut off, or the runner died) and is refused.
 */
import type { ParseResult, TestResult } from "../check-report.ts";
import { firstLine, testId, uniqueIds, withoutRoot } from "./report-text.ts";

interface TapPoint {
  readonly ok: boolean;
  readonly name: string;
  readonly skipped: boolean;
  readonly depth: number;
  children: TapPoint[];
  yaml: string[];
}

const pointLine = /^(not ok|ok)(?:\s+\d+)?(?:\s+-)?(?:\s+(.*))?$/;
const planLine = /^1\.\.(\d+)(?:\s*#.*)?$/;

/** Parses a TAP stream; `root` (the repository's absolute path) is removed from names and messages. */
export function parseTap(text: string, root: string): ParseResult {
  const pending = new Map<number, TapPoint[]>();
  let plan: number | undefined;
  let sawTap = false;
  let yamlOf: { point: TapPoint; indent: number } | undefined;
  let last: TapPoint | undefined;

  for (const rawLine of text.split(/\r?\n/)) {
    const indent = rawLine.length - rawLine.trimStart().length;
    const line = rawLine.trim();
    if (yamlOf) {
      if (line === "..." && indent === yamlOf.indent) yamlOf = undefined;
      else yamlOf.point.yaml.push(rawLine.slice(yamlOf.indent));
      continue;
    }
    if (line === "---" && last && indent === last.depth * 4 + 2) {
      yamlOf = { point: last, indent };
      continue;
    }
    if (/^TAP version \d+$/.test(line)) {
      sawTap = true;
      continue;
    }
    if (line.startsWith("Bail out!")) return { ok: false, reason: `the test run bailed out: ${line.slice("Bail out!".length).trim() || "no reason given"}` };
    const depth = Math.floor(indent / 4);
    const planMatch = planLine.exec(line);
    if (planMatch) {
      sawTap = true;
      if (depth === 0) plan = Number(planMatch[1]);
      continue;
    }
    const point = pointLine.exec(line);
    if (!point) continue; // comments, `# Subtest:` lines and anything else TAP ignores
    sawTap = true;
    const { name, directive } = splitDescription(point[2] ?? "");
    const parsed: TapPoint = {
      ok: point[1] === "ok",
      name: withoutRoot(name, root),
      skipped: /^(skip|todo)\b/i.test(directive),
      depth,
      children: pending.get(depth + 1) ?? [],
      yaml: [],
    };
    pending.delete(depth + 1);
    pending.set(depth, [...(pending.get(depth) ?? []), parsed]);
    last = parsed;
  }

  if (!sawTap) return { ok: false, reason: "no TAP output (no version line, plan or test point)" };
  if (yamlOf) return { ok: false, reason: "the TAP stream ends inside a YAML block (truncated?)" };
  if (plan === undefined) return { ok: false, reason: "the TAP stream ended before its plan (1..N): truncated, or the runner died" };
  const top = pending.get(0) ?? [];
  if (top.length !== plan) return { ok: false, reason: `the TAP plan announces ${plan} test(s) but ${top.length} were reported` };
  if ([...pending.keys()].some((depth) => depth > 0)) return { ok: false, reason: "the TAP stream has subtests without a parent test point (truncated?)" };

  const tests: TestResult[] = [];
  for (const point of top) collect(point, [], root, tests);
  return { ok: true, report: { kind: "tests", tests: uniqueIds(tests) } };
}

/**
 * Adds a point's results: its leaves, or the point itself when it has no children or failed for
 * a reason of its own (no child failed). A parent failing only because a child failed is not a
 * second failure.
 */
function collect(point: TapPoint, path: readonly string[], root: string, into: TestResult[]): void {
  const here = [...path, point.name];
  const before = into.length;
  for (const child of point.children) collect(child, here, root, into);
  const childFailed = into.slice(before).some((test) => test.status === "failed");
  if (point.children.length > 0 && (point.ok || point.skipped || childFailed)) return;
  const status = point.skipped ? "skipped" : point.ok ? "passed" : "failed";
  const message = status === "failed" ? yamlError(point.yaml, root) : undefined;
  into.push({ id: testId(here), status, ...(message ? { message } : {}) });
}

/** Splits `description # DIRECTIVE reason` at the first unescaped `#`, and unescapes `\#` and `\\`. */
function splitDescription(text: string): { name: string; directive: string } {
  let name = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && i + 1 < text.length) {
      name += text[++i];
      continue;
    }
    if (char === "#") return { name: name.trim(), directive: text.slice(i + 1).trim() };
    name += char;
  }
  return { name: name.trim(), directive: "" };
}

/** The first line of the YAML block's `error:` value (quoted, plain or a block scalar). */
function yamlError(yaml: readonly string[], root: string): string | undefined {
  const index = yaml.findIndex((line) => /^error:/.test(line));
  if (index < 0) return undefined;
  const value = (yaml[index] ?? "").slice("error:".length).trim();
  const text = /^[|>][-+]?$/.test(value)
    ? yaml
        .slice(index + 1)
        .filter((line, i, all) => all.slice(0, i + 1).every((l) => /^\s/.test(l) || l === ""))
        .join("\n")
    : value.replace(/^'(.*)'$/s, "$1").replace(/^"(.*)"$/s, "$1");
  return firstLine(withoutRoot(text, root));
}
