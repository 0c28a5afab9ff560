import type { CheckParser } from "../../spec/check-schema.ts";
import type { CommandOutcome } from "../runner/runner.ts";

/**
 * The failures a finished check reports, as stable keys that can be compared with the baseline's
 * (a test's name, a type error without its line number — lines move when code above changes).
 * A minimal reader until core/checks lands: tsc and TAP are read line by line; every other parser
 * falls back to the exit code.
 */
export function parseFailures(parser: CheckParser, outcome: Extract<CommandOutcome, { status: "exited" }>): string[] {
  const lines = outcome.output.split(/\r?\n/);
  let failures: string[] = [];
  switch (parser) {
    case "tsc":
      failures = lines.flatMap((line) => {
        const match = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line.trim());
        return match ? [`${match[1]}: ${match[2]}: ${match[3]}`] : [];
      });
      break;
    case "tap":
      failures = lines.flatMap((line) => {
        const match = /^\s*not ok \d+\s*-?\s*(.*?)\s*(#.*)?$/.exec(line);
        if (!match || /#\s*(TODO|SKIP)/i.test(match[2] ?? "")) return [];
        return [`not ok - ${match[1] || "(unnamed test)"}`];
      });
      break;
    default:
      break;
  }
  if (failures.length === 0 && outcome.exitCode !== 0) failures = [`exit code ${outcome.exitCode}${lastLine(outcome.output)}`];
  return [...new Set(failures)];
}

function lastLine(output: string): string {
  const line = output.trim().split("\n").pop()?.trim();
  return line ? `: ${line.slice(0, 160)}` : "";
}
