import type { Node } from "../../shared/domain/node.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { GeneratedHypothesis, Generator, GeneratorDiagnostic } from "../generators/index.ts";
import { getNode, getTree } from "../store/index.ts";
import { findSitesInTree } from "../targets/index.ts";
import { nodeFileLookup, nodeSourceFiles } from "./node-files.ts";
import { nodeSeed } from "./node-seed.ts";
import { recordChildren } from "./record-children.ts";
import type { SearchContext } from "./search-context.ts";

/** How to expand a node. */
export interface ExpandOptions {
  readonly generators: readonly Generator[];
  /** Hypotheses per generator (default: the spec's hypothesesPerNode). */
  readonly count?: number;
  /** The user's hint, for the LLM. */
  readonly hint?: string;
  readonly signal: AbortSignal;
}

/**
 * Generates hypotheses for a node from its next target sites and records them as its children
 * (see recordChildren). When `signal` aborts meanwhile nothing is recorded, so the node is
 * expanded again after a resume rather than left with cancelled children. Returns the new nodes to judge.
 */
export async function expandNode(context: SearchContext, nodeId: string, options: ExpandOptions): Promise<Node[]> {
  const { store, spec, snapshot } = context;
  const node = getNode(store, nodeId);
  if (!node) return [];
  const allSites = findSitesInTree(spec.targets, await nodeSourceFiles(store, snapshot, nodeId));
  const sites = allSites.slice(0, spec.search.sitesPerStep);
  if (sites.length === 0 && options.hint === undefined) return [];
  const files = nodeFileLookup(store, snapshot, nodeId);
  const diagnostics: GeneratorDiagnostic[] = node.checks
    .filter((check) => check.status === "failed" && check.detail !== undefined)
    .map((check) => ({ message: `${check.name}: ${check.detail}` }));
  const seed = nodeSeed(spec.search.seed, getTree(store, context.sessionId), nodeId);
  const k = options.count ?? spec.search.hypothesesPerNode;
  context.log("info", `expanding node ${nodeId.slice(0, 8)} at depth ${node.depth}: ${sites.length} site(s), ${options.generators.map((g) => g.kind).join(" + ")} × ${k}`, nodeId);
  const batches = await Promise.all(
    options.generators.map((generator) =>
      generator.generate({ goal: spec.goal, sites, allSites, files, diagnostics, k, seed, signal: options.signal, ...(options.hint !== undefined && { hint: options.hint }) }),
    ),
  );
  if (options.signal.aborted) return [];
  refuseUnreachableEndpoint(options.generators, batches);
  const { pending } = recordChildren(store, context.sessionId, nodeId, batches.flat());
  context.changed();
  return [...pending];
}

/**
 * An LLM endpoint that could not be reached for any sample of a node (after retries) is the
 * infrastructure failing, not hypotheses being wrong: the run stops with "llm-unreachable" (exit 3)
 * saying what to check, and nothing is recorded, so the node is expanded again on resume.
 */
function refuseUnreachableEndpoint(generators: readonly Generator[], batches: readonly GeneratedHypothesis[][]): void {
  generators.forEach((generator, index) => {
    const batch = batches[index] ?? [];
    if (generator.kind !== "llm" || batch.length === 0) return;
    const reasons = batch.map((hypothesis) => (hypothesis.kind === "invalid" && hypothesis.reason.kind === "unreachable" ? hypothesis.reason.message : undefined));
    if (reasons.some((reason) => reason === undefined)) return;
    const code = /\((E[A-Z]+)\)/.exec(reasons[0] ?? "")?.[1];
    throw new ForkliftError(
      "llm-unreachable",
      `the LLM endpoint ${generator.endpoint ?? "(unknown)"} could not be reached${code ? ` (${code})` : ""}: check that the server runs there (generators.llm.baseUrl or OPENAI_BASE_URL) and that this machine can reach it, then forklift resume`,
    );
  });
}
