/** The handlers of spec/* and demo/prepare: what the new-session form reads, checks and starts from. */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import type { SpecCheck } from "../../shared/protocol/spec-check.ts";
import { validateSpec } from "../spec/validate-spec.ts";
import { availableGenerators } from "./build-generators.ts";
import { prepareDemo } from "./prepare-demo.ts";

/** A spec is a page of YAML; anything this large is not one. */
export const maxSpecBytes = 1024 * 1024;

/** The handlers of demo/prepare, spec/read and spec/validate. */
export function specHandlers(): Pick<EngineApi, "demo/prepare" | "spec/read" | "spec/validate"> {
  return {
    async "demo/prepare"() {
      return prepareDemo();
    },
    async "spec/read"({ path: given }) {
      const file = path.resolve(given);
      return { path: file, text: await readSpecText(file) };
    },
    async "spec/validate"({ text, path: given }) {
      return checkSpecText(text, given === undefined ? undefined : path.resolve(given));
    },
  };
}

/** Validates spec text as session/start would, with every problem located for an editor; never throws for bad text. */
export function checkSpecText(text: string, file?: string): SpecCheck {
  if (Buffer.byteLength(text) > maxSpecBytes) {
    return { ok: false, diagnostics: [{ line: 1, column: 1, message: `the spec is larger than ${maxSpecBytes / 1024} KiB: a migration spec is a short YAML file` }] };
  }
  const result = validateSpec(text, file ?? "spec.yml");
  if (!result.ok) {
    return { ok: false, diagnostics: result.problems.map((problem) => ({ line: Math.max(1, problem.line), column: Math.max(1, problem.column), ...(problem.path && { field: problem.path }), message: problem.message })) };
  }
  const { spec } = result;
  return { ok: true, diagnostics: [], name: spec.name, goal: spec.goal, generators: availableGenerators(spec) };
}

/** Reads a spec file as text; a missing file, a folder or a huge file is a one-line error. */
async function readSpecText(file: string): Promise<string> {
  const problem = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return new ForkliftError("not-found", `the spec ${file} does not exist: check the path`);
    return new ForkliftError("invalid-input", `cannot read the spec ${file} (${code ?? String(error)}): check the path and its permissions`);
  };
  // stat first: opening a FIFO or a device would block or never end
  const info = await stat(file).catch((error: unknown) => {
    throw problem(error);
  });
  if (!info.isFile()) throw new ForkliftError("invalid-input", `${file} is not a file: choose a migration spec (.yml)`);
  if (info.size > maxSpecBytes) throw new ForkliftError("invalid-input", `${file} is ${Math.round(info.size / 1024)} KiB: a migration spec is a short YAML file, is this the right one?`);
  return readFile(file, "utf8").catch((error: unknown) => {
    throw problem(error);
  });
}
