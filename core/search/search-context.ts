import type { Generator, Limiter } from "../generators/index.ts";
import type { Spec } from "../spec/spec-schema.ts";
import type { Store } from "../store/index.ts";
import type { Judge } from "./judgement/judge.ts";
import type { RepoSnapshot } from "./repo/repo-snapshot.ts";
import type { Runner } from "./runner/runner.ts";

/** A line for the engine's log. */
export type SearchLog = (level: "debug" | "info" | "warn" | "error", message: string, nodeId?: string) => void;

/** Everything the search of one session works with; the engine builds it (see core/engine). */
export interface SearchContext {
  readonly store: Store;
  readonly sessionId: string;
  readonly spec: Spec;
  /** The root commit's files. */
  readonly snapshot: RepoSnapshot;
  readonly runner: Runner;
  readonly judge: Judge;
  /** The generators of automatic expansions, in the order their hypotheses are recorded. */
  readonly generators: readonly Generator[];
  /** Bounds sandboxes running checks or being checkpointed at once (budgets.sandboxesAtOnce). */
  readonly sandboxes: Limiter;
  /** Judge hypotheses with the warm type-checker first (where the repository has TypeScript). */
  readonly fastTier: boolean;
  readonly log: SearchLog;
  /** Called after the search wrote to the store, so the engine can send the new events. */
  readonly changed: () => void;
}
