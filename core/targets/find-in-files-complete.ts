import { findInFiles } from "@ast-grep/napi";
import type { NapiConfig, SgNode } from "@ast-grep/napi";
import type { TargetLanguage } from "./languages.ts";
import { napiLanguage } from "./languages.ts";

/**
 * napi's `findInFiles` (parallel read, parse and match in Rust threads), waiting for every file
 * callback: its promise can resolve before the last callbacks run (ast-grep issue #206), so we
 * count callbacks up to the number of matching files it reports. Files it cannot read are skipped.
 */
export async function findInFilesComplete(
  language: TargetLanguage,
  paths: string[],
  matcher: NapiConfig,
  onFile: (nodes: SgNode[]) => void,
): Promise<void> {
  if (paths.length === 0) return;
  const progress: { seen: number; expected?: number } = { seen: 0 };
  let failure: unknown;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const matchedFiles = await findInFiles(napiLanguage[language], { paths, matcher }, (error, nodes) => {
    try {
      if (error) throw error;
      onFile(nodes);
    } catch (caught) {
      failure ??= caught;
    }
    progress.seen++;
    if (progress.seen === progress.expected) done();
  });
  progress.expected = matchedFiles;
  if (progress.seen < matchedFiles) await finished;
  if (failure !== undefined) throw failure;
}
