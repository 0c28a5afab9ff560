/**
 * Compares a fast-tier answer with a full `tsc --noEmit` run of the same change: on the files the
 * fast tier checked they must agree exactly (file, line, column, code), and every other file must
 * keep its baseline diagnostics (or the fast tier skipped a file the change did affect). Files the
 * change itself touches (a deleted file) are left out of that second comparison.
 */
import type { FastCheckDiagnostic } from "../fast-check-result.ts";
import { diagnosticKey } from "./parse-tsc-output.ts";

/** The differences found; empty when the fast tier equals tsc. */
export function compareWithTsc(
  fast: { readonly diagnostics: readonly FastCheckDiagnostic[]; readonly files: readonly string[] },
  tsc: readonly FastCheckDiagnostic[],
  tscBaseline: readonly FastCheckDiagnostic[],
  changedPaths: readonly string[] = [],
): string[] {
  const checked = new Set(fast.files);
  const outside = (d: FastCheckDiagnostic) => d.file !== undefined && !checked.has(d.file) && !changedPaths.includes(d.file);
  const inChecked = (d: FastCheckDiagnostic) => d.file !== undefined && checked.has(d.file);
  const keys = (list: readonly FastCheckDiagnostic[]) => list.map(diagnosticKey).sort();
  const problems: string[] = [];
  const expected = keys(tsc.filter(inChecked));
  const actual = keys(fast.diagnostics.filter(inChecked));
  for (const key of expected.filter((k) => !actual.includes(k))) problems.push(`missed: ${key}`);
  for (const key of actual.filter((k) => !expected.includes(k))) problems.push(`extra: ${key}`);
  const outsideNow = keys(tsc.filter(outside));
  const outsideBefore = keys(tscBaseline.filter(outside));
  for (const key of outsideNow.filter((k) => !outsideBefore.includes(k))) problems.push(`unchecked file changed: ${key}`);
  for (const key of outsideBefore.filter((k) => !outsideNow.includes(k))) problems.push(`unchecked file changed (fixed): ${key}`);
  return problems;
}
