/** A generated TypeScript project in a fresh temporary directory, for tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TsProjectPlan } from "./plan-ts-project.ts";
import { planTsProject } from "./plan-ts-project.ts";
import type { TypescriptInstall } from "./write-ts-project.ts";
import { writeTsProject } from "./write-ts-project.ts";

/** A project on disk and how to remove it. */
export interface TempTsProject {
  readonly dir: string;
  readonly plan: TsProjectPlan;
  remove(): Promise<void>;
}

/** Writes a generated project to a new temporary directory (typescript symlinked unless asked otherwise). */
export async function createTempTsProject(options: { readonly files: number; readonly seed: number; readonly typescript?: TypescriptInstall }): Promise<TempTsProject> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-ts-project-"));
  const plan = planTsProject(options);
  await writeTsProject(dir, plan, { typescript: options.typescript ?? "symlink" });
  return { dir, plan, remove: () => rm(dir, { recursive: true, force: true }) };
}
