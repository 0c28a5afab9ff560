/** Test helper: the reports captured from the real tools by fixtures/capture.sh, with their exit codes and roots. */
import { readFileSync } from "node:fs";

const folder = new URL("../fixtures/", import.meta.url);

/** The fixed path the capture script copied examples/check-fixtures to (the reports name it). */
export const fixtureRoot = "/tmp/forklift-check-fixtures";

/** A captured report: its text, the tool's exit code and the directory the tool ran in. */
export interface Fixture {
  readonly text: string;
  readonly exitCode: number;
  readonly root: string;
}

const exitCodes = new Map(
  readFileSync(new URL("exit-codes.txt", folder), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [name = "", code = ""] = line.split(" ");
      return [name, Number(code)] as const;
    }),
);

/** Reads fixtures/<name>; `tool` is the examples/check-fixtures folder it was captured in. */
export function fixture(name: string, tool: "node" | "vitest" | "jest" | "tsc" | "eslint"): Fixture {
  const exitCode = exitCodes.get(name);
  if (exitCode === undefined) throw new Error(`no exit code recorded for fixture ${name}`);
  return { text: readFileSync(new URL(name, folder), "utf8"), exitCode, root: `${fixtureRoot}/${tool}` };
}
