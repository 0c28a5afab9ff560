import { isAlias, LineCounter, parseDocument, visit } from "yaml";
import type { Document } from "yaml";
import { checkSpecRules } from "./check-spec-rules.ts";
import { didYouMean } from "./did-you-mean.ts";
import { describeValue, formatPath, issueText } from "./issue-text.ts";
import { SpecSchema } from "./spec-schema.ts";
import type { Spec } from "./spec-schema.ts";
import { locateInYaml } from "./yaml-location.ts";
import { placeSyntaxError } from "./yaml-syntax-position.ts";

/** One thing wrong with a spec: where (1-based), which field, and what was expected. */
export interface SpecProblem {
  line: number;
  column: number;
  /** The field, as in `checks[0].timeoutSec`; empty for YAML syntax errors and the whole document. */
  path: string;
  message: string;
}

/** A validated spec, or every problem found, in source order. */
export type SpecValidation = { ok: true; spec: Spec } | { ok: false; problems: SpecProblem[] };

const secretKey = /^(api[-_]?key|key|token|secret|password)$/i;

/**
 * Validates spec YAML; `fileName` gives the default spec name. Every target and recipe rule is
 * compiled as the search will compile it, so a rule that cannot run is a problem here. Never
 * throws for bad input.
 */
export function validateSpec(source: string, fileName = "spec.yml"): SpecValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const place = placeSyntaxError(source, error);
        const { line, col } = lineCounter.linePos(place.offset);
        return { line, column: col, path: "", message: place.message };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, col } = lineCounter.linePos(aliasOffset(doc, message));
    return { ok: false, problems: [{ line, column: col, path: "", message }] };
  }

  const knownKeys = new Map<string, string[]>();
  const result = SpecSchema.safeParse(data, {
    reportInput: true,
    error: issueText((path, known) => knownKeys.set(JSON.stringify(path), known)),
  });
  if (result.success) {
    const name = result.data.name ?? fileName.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/i, "");
    const spec = { ...result.data, name };
    const ruleProblems = checkSpecRules(spec, doc, lineCounter);
    return ruleProblems.length === 0 ? { ok: true, spec } : { ok: false, problems: ruleProblems };
  }

  const problems: SpecProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys.get(JSON.stringify(issue.path)) ?? [];
      for (const key of issue.keys) {
        const at = locateInYaml(doc, lineCounter, issue.path, key);
        problems.push({ ...at, path: formatPath([...issue.path, key]), message: unknownKeyMessage(key, known) });
      }
      continue;
    }
    const at = locateInYaml(doc, lineCounter, issue.path);
    const message =
      issue.code === "custom" ? issue.message
      : issue.input === undefined ? `missing; ${issue.message}`
      : `${issue.message}, got ${describeValue(issue.input)}`;
    problems.push({ ...at, path: formatPath(issue.path), message });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

/** Where the alias an error names is written (e.g. "Unresolved alias …: name"), else the start. */
function aliasOffset(doc: Document, message: string): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && message.endsWith(`: ${node.source}`) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

function unknownKeyMessage(key: string, known: string[]): string {
  if (secretKey.test(key)) return "a secret never belongs in a spec: put it in an environment variable and name the variable in apiKeyEnv";
  const meant = didYouMean(key, known);
  if (meant) return `unknown key; did you mean "${meant}"?`;
  return known.length > 0 ? `unknown key; expected one of ${known.join(", ")}` : "unknown key";
}

/** One problem as one line: `spec.yml:12:5: checks[0].timeoutSec: expected a positive number, got "ten"`. */
export function formatSpecProblem(fileName: string, problem: SpecProblem): string {
  const message = problem.message.length > maxProblemChars ? `${problem.message.slice(0, maxProblemChars)}…` : problem.message;
  return `${fileName}:${problem.line}:${problem.column}: ${problem.path ? `${problem.path}: ` : ""}${message}`;
}

/** A problem's message is cut here: a parser quoting a huge token (the wrong file) must not flood the terminal. */
const maxProblemChars = 300;
