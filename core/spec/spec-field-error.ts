import { LineCounter, parseDocument } from "yaml";
import { ForkliftError } from "../../shared/errors.ts";
import { formatPath } from "./issue-text.ts";
import { formatSpecProblem } from "./validate-spec.ts";
import { locateInYaml } from "./yaml-location.ts";

/**
 * An "invalid-spec" error about one field of a spec that parsed, found wrong only against the
 * repository (e.g. a Dockerfile that is not there): `spec.yml:7:15: sandbox.dockerfile: …`.
 */
export function specFieldError(specPath: string, source: string, field: readonly (string | number)[], message: string): ForkliftError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = locateInYaml(doc, lineCounter, field);
  return new ForkliftError("invalid-spec", formatSpecProblem(specPath, { ...at, path: formatPath(field), message }));
}
