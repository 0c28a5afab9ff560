/** Test helper: migration specs for the sample app, written to a temporary file with the search settings a test wants. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Parts of a sample-app spec a test chooses. */
export interface SampleSpecOptions {
  /** Generators section as YAML lines (indented under `generators:`). */
  generators: string;
  beamWidth?: number;
  hypothesesPerNode?: number;
  maxDepth?: number;
  sitesPerStep?: number;
  patienceDepths?: number;
  seed?: number;
  tokens?: number;
  /** The sandbox section as YAML lines (indented under `sandbox:`), e.g. limits. */
  sandbox?: string;
  /** The checks section as YAML lines (indented under `checks:`) instead of the sample's syntax and tests checks. */
  checks?: string;
}

/** The console-to-logger migration of examples/sample-app, with the test's search settings. */
export function writeSampleSpec(options: SampleSpecOptions): string {
  const dir = mkdtempSync(path.join(tmpdir(), "forklift-spec-"));
  const file = path.join(dir, "spec.yml");
  writeFileSync(
    file,
    `name: console-to-logger-test
goal: Replace console.log/warn/error in src/ with logger.info/warn/error from ./logger.js; other arguments become named fields.
targets:
  - id: console-call
    language: JavaScript
    rule:
      any:
        - pattern: console.log($$$ARGS)
        - pattern: console.warn($$$ARGS)
        - pattern: console.error($$$ARGS)
checks:
${options.checks ?? sampleChecks}
search:
  beamWidth: ${options.beamWidth ?? 2}
  hypothesesPerNode: ${options.hypothesesPerNode ?? 2}
  maxDepth: ${options.maxDepth ?? 6}
  sitesPerStep: ${options.sitesPerStep ?? 3}
  patienceDepths: ${options.patienceDepths ?? 3}
  seed: ${options.seed ?? 7}
${options.sandbox === undefined ? "" : `sandbox:\n${options.sandbox}\n`}budgets:
  tokens: ${options.tokens ?? 1000000}
  sandboxesAtOnce: 2
  llmCallsAtOnce: 4
generators:
${options.generators}
`,
  );
  return file;
}

/** The sample spec's checks: syntax, then the tests. */
const sampleChecks = `  - name: syntax
    command: for f in src/*.js test/*.js; do node --check "$f" || exit 1; done
    parser: exit-code
    timeoutSec: 30
  - name: tests
    command: node --test --test-reporter=tap test/
    parser: tap
    timeoutSec: 60
    weight: 2`;

/** The recipe section of the sample spec (the same rules as examples/specs/console-to-logger.yml). */
export const recipeGenerators = `  recipe:
    rules:
      - id: log-to-info
        language: JavaScript
        rule: { pattern: "console.log($MSG, $$$REST)" }
        fixes:
          - { id: fields, template: "logger.info($MSG, { args: [$$$REST] })" }
          - { id: message-only, template: "logger.info($MSG)" }
      - id: warn-to-warn
        language: JavaScript
        rule: { pattern: "console.warn($MSG, $$$REST)" }
        fix: "logger.warn($MSG, { args: [$$$REST] })"
      - id: error-to-error
        language: JavaScript
        rule: { pattern: "console.error($MSG, $$$REST)" }
        fix: "logger.error($MSG, { args: [$$$REST] })"`;

/** An llm section pointing at a (scripted) endpoint. */
export function llmGenerators(baseUrl: string): string {
  return `  llm:
    model: scripted-model
    baseUrl: ${baseUrl}
    temperature: [0.2, 0.8]`;
}
