/**
 * The recipe generator: structural rewrite rules (core/targets, ast-grep) applied to the files of
 * the node's next sites. Each alternative fix of each rule is one hypothesis; when there are more
 * than K, the seed picks which, so a node expands the same way twice. Rules with one fix are
 * deterministic: there is nothing to choose between, so one more hypothesis applies all of them
 * to every site left at once (always among the K), and the batches stay as the fallback when it
 * fails. No model, no cost.
 */
import { createHash } from "node:crypto";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { rewrite } from "../targets/index.ts";
import type { RewriteHypothesis, TargetRule } from "../targets/index.ts";
import { emptyProvenance } from "./generator.ts";
import type { GeneratedHypothesis, Generator, GeneratorContext } from "./generator.ts";

/** Options of {@link createRecipeGenerator}. */
export interface RecipeGeneratorOptions {
  /** Rewrite rules with `fix` or `fixes`, from the spec's recipe settings. */
  rules: readonly TargetRule[];
  /** At most this many sites are rewritten per step (per rule), first by file path and position. */
  sitesPerStep: number;
}

/** Creates the recipe generator. A rule without a fix or that does not compile throws `invalid-input`. */
export function createRecipeGenerator(options: RecipeGeneratorOptions): Generator {
  return {
    kind: "recipe",
    async generate(context) {
      const tree: FileTree = {};
      for (const file of new Set(context.sites.map((s) => s.file))) {
        const content = await context.files(file);
        if (content !== undefined) tree[file] = content;
      }
      const candidates: { rule: TargetRule; result: RewriteHypothesis; ms: number }[] = [];
      for (const rule of options.rules) {
        const started = performance.now();
        const results = rewrite(rule, tree, { limit: options.sitesPerStep });
        const ms = (performance.now() - started) / Math.max(1, results.length);
        for (const result of results) if (Object.keys(result.changes).length > 0) candidates.push({ rule, result, ms });
      }
      const whole = await everySite(options.rules, context);
      const batchesFit = whole === undefined || Object.keys(whole.changes).length === 0 ? candidates : candidates.filter((c) => !sameChanges(c.result.changes, whole.changes));
      const chosen: typeof candidates = [
        ...(whole && Object.keys(whole.changes).length > 0 ? [whole.candidate] : []),
        ...pickSeeded(batchesFit, whole && Object.keys(whole.changes).length > 0 ? context.k - 1 : context.k, context.seed),
      ];
      const hypotheses = chosen.map(({ rule, result, ms }, sample): GeneratedHypothesis => {
        const provenance = { ...emptyProvenance("recipe"), latencyMs: Math.round(ms) };
        const source = { kind: "recipe", ruleId: rule.id, fixId: result.fixId } as const;
        if (result.syntaxErrors.length > 0) {
          const message = `rule ${rule.id}, fix ${result.fixId}: the rewrite leaves syntax errors in ${result.syntaxErrors.join(", ")}`;
          return { kind: "invalid", sample, reason: { kind: "syntax-error", message }, source, provenance };
        }
        return { kind: "valid", sample, changes: result.changes, source, provenance };
      });
      for (const hypothesis of hypotheses) context.onHypothesis?.(hypothesis);
      return hypotheses;
    },
  };
}

/** Every deterministic rule (one fix) applied in turn to the files of every site left, as one candidate; undefined when there is no such rule or only one batch of sites. */
async function everySite(rules: readonly TargetRule[], context: GeneratorContext): Promise<{ candidate: { rule: TargetRule; result: RewriteHypothesis; ms: number }; changes: FileChanges } | undefined> {
  const deterministic = rules.filter((rule) => (rule.fix !== undefined ? 1 : 0) + (rule.fixes?.length ?? 0) === 1);
  const all = context.allSites ?? context.sites;
  if (deterministic.length === 0 || all.length <= context.sites.length) return undefined;
  const started = performance.now();
  const tree: FileTree = {};
  for (const file of new Set(all.map((site) => site.file))) {
    const content = await context.files(file);
    if (content !== undefined) tree[file] = content;
  }
  const changes: Record<string, string> = {};
  const sites: RewriteHypothesis["sites"] = [];
  const syntaxErrors = new Set<string>();
  for (const rule of deterministic) {
    const [result] = rewrite(rule, { ...tree, ...changes });
    if (!result) continue;
    Object.assign(changes, result.changes);
    sites.push(...result.sites);
    result.syntaxErrors.forEach((file) => syntaxErrors.add(file));
  }
  const result: RewriteHypothesis = { fixId: "every-site", template: "", changes, sites, absorbed: [], syntaxErrors: [...syntaxErrors] };
  const rule: TargetRule = { id: deterministic.map((r) => r.id).join("+"), rule: {} };
  return { candidate: { rule, result, ms: performance.now() - started }, changes };
}

function sameChanges(a: FileChanges, b: FileChanges): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Up to `k` items, chosen by the seed when there are more: each item gets the rank
 * sha256(seed:index), the `k` lowest win. The chosen keep their original order (rule order, then
 * fix order) so samples read the way the spec lists them.
 */
export function pickSeeded<T>(items: readonly T[], k: number, seed: number): T[] {
  if (items.length <= k) return [...items];
  const rank = (i: number) => createHash("sha256").update(`${seed}:${i}`).digest("hex");
  return items
    .map((item, i) => ({ item, i, rank: rank(i) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, Math.max(0, k))
    .sort((a, b) => a.i - b.i)
    .map((entry) => entry.item);
}
