import { GeneratorNameSchema } from "../../shared/protocol/contract.ts";
import type { GeneratorName } from "../../shared/protocol/contract.ts";
import { z } from "zod";
import { ForkliftError } from "../../shared/errors.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { formatSpecProblem, validateSpec } from "../spec/validate-spec.ts";
import { getSessionSetting, setSessionSetting } from "../store/index.ts";
import type { Store } from "../store/index.ts";

/** The keys of the session settings the engine writes. */
export const engineSettingKeys = { specText: "spec-text", specPath: "spec-path", generators: "generators" } as const;

/** Saves what a later process needs to run the session again: the spec as written and the chosen generators. */
export function saveSessionSpec(store: Store, sessionId: string, specPath: string, specText: string, generators: readonly GeneratorName[] | undefined): void {
  store.write(() => {
    setSessionSetting(store, sessionId, engineSettingKeys.specPath, specPath);
    setSessionSetting(store, sessionId, engineSettingKeys.specText, specText);
    if (generators) setSessionSetting(store, sessionId, engineSettingKeys.generators, JSON.stringify(generators));
  });
}

/** The spec and generator choice a session was started with (the spec's text is kept, so editing the file later changes nothing). */
export function loadSessionSpec(store: Store, sessionId: string): { spec: Spec; generators: GeneratorName[] | undefined } {
  const text = getSessionSetting(store, sessionId, engineSettingKeys.specText);
  const path = getSessionSetting(store, sessionId, engineSettingKeys.specPath) ?? "spec.yml";
  if (text === undefined) throw new ForkliftError("store-corrupt", `session ${sessionId} has no spec in the store: start a new session`);
  const result = validateSpec(text, path);
  if (!result.ok) {
    const first = result.problems[0];
    throw new ForkliftError("invalid-spec", `the stored spec of session ${sessionId} no longer validates: ${first ? formatSpecProblem(path, first) : "invalid"}`);
  }
  const raw = getSessionSetting(store, sessionId, engineSettingKeys.generators);
  const generators = raw === undefined ? undefined : z.array(GeneratorNameSchema).parse(JSON.parse(raw));
  return { spec: result.spec, generators };
}
