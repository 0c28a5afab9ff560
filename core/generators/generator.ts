/**
 * The one interface every hypothesis source implements (llm, recipe, manual): given the context
 * of a node in the search tree, produce up to K hypotheses. A hypothesis is either a set of file
 * changes with the edit that made it, or an invalid one with a reason the model can read.
 * Generators never throw for a bad reply or a dead endpoint; those are values.
 */
import type { Hypothesis as HypothesisRecord } from "../../shared/domain/hypothesis.ts";
import type { Provenance as ProvenanceRecord } from "../../shared/domain/provenance.ts";
import type { FileChanges } from "../../shared/file-changes.ts";

/** Which generator made a hypothesis. */
export type GeneratorKind = "llm" | "recipe" | "manual";

/**
 * One place a target pattern matched: the fields of core/targets' `Site` a generator reads (a
 * `Site` is assignable to it). Lines and columns are 1-based.
 */
export interface GeneratorSite {
  ruleId: string;
  /** Repository-relative POSIX path. */
  file: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  /** The matched source text. */
  text: string;
}

/** A problem reported for the parent state (a type error, a failing test), shown to the model. */
export interface GeneratorDiagnostic {
  file?: string;
  /** 1-based, as compilers print them. */
  line?: number;
  message: string;
}

/** Reads a file of the parent state; undefined when it does not exist. */
export type FileLookup = (path: string) => Promise<string | undefined>;

/** Everything a generator knows about the node it expands. */
export interface GeneratorContext {
  /** The migration's goal, in the user's words. */
  goal: string;
  /** The next batch of target sites to change. */
  sites: readonly GeneratorSite[];
  /** Every target site left in the node (a deterministic rewrite may take them all at once); default: `sites`. */
  allSites?: readonly GeneratorSite[];
  /** The parent state's files. */
  files: FileLookup;
  /** The parent's diagnostics (new type errors, failing tests), possibly empty. */
  diagnostics: readonly GeneratorDiagnostic[];
  /** A hint the user typed for this node. */
  hint?: string;
  /** How many hypotheses to produce (generators may return fewer, e.g. a rule with fewer fixes). */
  k: number;
  /** Seed for every random choice, so a node expands the same way twice. */
  seed: number;
  /** Aborts the generation; in-flight calls are cancelled and their hypotheses marked cancelled. */
  signal: AbortSignal;
  /** Called as each hypothesis is ready, before `generate` resolves, so checking can start early. */
  onHypothesis?: (hypothesis: GeneratedHypothesis) => void;
}

/** What produced a hypothesis, in the store's own form (edit blocks verbatim, rule and fix ids). */
export type HypothesisSource = Exclude<HypothesisRecord, { kind: "root" }>;

/**
 * Where a hypothesis came from and what it cost: the store's provenance fields plus what the
 * generator also knows (see {@link toProvenanceRecord} for the stored part).
 */
export interface GenerationProvenance extends ProvenanceRecord {
  generator: GeneratorKind;
  temperature?: number;
  /** False when the model is not in the price table: `costUsd` is then 0, not a real price. */
  costKnown: boolean;
  /** HTTP requests sent: first call, retries and the repair round (0 for recipe and manual). */
  attempts: number;
  /** Of `attempts`, those that were retries after a 429, 5xx or dropped connection. */
  retries: number;
  /** Whether a repair round was needed (the first edits did not apply or did not parse). */
  repaired: boolean;
}

/** Why a hypothesis has no changes. `message` is written for the model (and the user) to act on. */
export type InvalidReason =
  | { kind: "edits-did-not-apply"; message: string }
  | { kind: "malformed-reply"; message: string }
  | { kind: "no-change"; message: string }
  | { kind: "syntax-error"; message: string }
  | { kind: "timeout"; message: string }
  | { kind: "endpoint-error"; message: string; status?: number }
  /** No connection could be made to the endpoint (refused, unknown host, reset), even after retries. */
  | { kind: "unreachable"; message: string }
  | { kind: "cancelled"; message: string };

/** A candidate next state, or why there is none. `sample` is its index among its siblings (0-based). */
export type GeneratedHypothesis =
  | { kind: "valid"; sample: number; changes: FileChanges; source: HypothesisSource; provenance: GenerationProvenance }
  | { kind: "invalid"; sample: number; reason: InvalidReason; source: HypothesisSource; provenance: GenerationProvenance };

/** A source of hypotheses. */
export interface Generator {
  readonly kind: GeneratorKind;
  /** Where it sends requests (the LLM's base URL), for messages; undefined for generators that call nothing. */
  readonly endpoint?: string;
  /** Produces up to `context.k` hypotheses; never rejects for model or endpoint faults. */
  generate(context: GeneratorContext): Promise<GeneratedHypothesis[]>;
}

/**
 * True when a reason is an infrastructure fault (the endpoint timed out, failed or the run was
 * cancelled) rather than a wrong hypothesis: the search records those as failed-infra, never
 * scores them as bad edits.
 */
export function isInfrastructureFault(reason: InvalidReason): boolean {
  switch (reason.kind) {
    case "timeout":
    case "endpoint-error":
    case "unreachable":
    case "cancelled":
      return true;
    case "edits-did-not-apply":
    case "malformed-reply":
    case "no-change":
    case "syntax-error":
      return false;
  }
}

/** Provenance with every counter at zero, for generators that call nothing. */
export function emptyProvenance(generator: GeneratorKind): GenerationProvenance {
  return { generator, tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, costKnown: true, latencyMs: 0, attempts: 0, retries: 0, repaired: false };
}

/** The part of a provenance the store keeps (its schema is strict: extra fields are refused). */
export function toProvenanceRecord(provenance: GenerationProvenance): ProvenanceRecord {
  const { generator, model, promptHash, tokensIn, tokensOut, tokensCached, costUsd, latencyMs } = provenance;
  return {
    generator,
    ...(model !== undefined && { model }),
    ...(promptHash !== undefined && { promptHash }),
    tokensIn,
    tokensOut,
    tokensCached,
    costUsd,
    latencyMs,
  };
}
