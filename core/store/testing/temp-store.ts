import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Provenance } from "../../../shared/domain/provenance.ts";

/** A fresh directory for store files; `remove` deletes it. */
export function tempStoreDir(): { dir: string; file: (name?: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "forklift-store-"));
  return { dir, file: (name = "store.db") => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Provenance for test nodes. */
export const testProvenance: Provenance = {
  generator: "manual",
  tokensIn: 0,
  tokensOut: 0,
  tokensCached: 0,
  costUsd: 0,
  latencyMs: 0,
};
