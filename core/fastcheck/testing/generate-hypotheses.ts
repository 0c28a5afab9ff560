/**
 * One-file hypotheses over a generated project: alternately one that introduces type errors (in
 * the file itself or in its importers, a syntax error, a deleted imported module, a broken new
 * module) and one that keeps the project correct (comments, body edits, added exports and
 * optional properties, a new module, a deleted unused module). Deterministic from the seed.
 */
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { TsProjectPlan } from "./plan-ts-project.ts";
import type { ModuleMutation } from "./render-ts-module.ts";
import { benignMutations, errorMutations, importSpecifier, renderTsModule } from "./render-ts-module.ts";
import { createSeededRandom } from "./seeded-random.ts";

/** Hypothesis kinds beyond editing one module's text. */
type FileKind = "delete-imported" | "new-module-broken" | "new-module" | "delete-unused";

/** One generated hypothesis: a change of exactly one file. */
export interface GeneratedHypothesis {
  readonly id: string;
  readonly kind: ModuleMutation | FileKind;
  /** True when `tsc --noEmit` reports errors after this change (the project has none before). */
  readonly expectsErrors: boolean;
  readonly changes: FileChanges;
  /** The one path it changes. */
  readonly path: string;
}

const errorKinds: readonly (ModuleMutation | FileKind)[] = [...errorMutations, "delete-imported", "new-module-broken"];
const benignKinds: readonly (ModuleMutation | FileKind)[] = [...benignMutations, "new-module", "delete-unused"];
/** Kinds that only break importers, so they need a module that has some. */
const needsImporters = new Set<string>(["required-parameter", "renamed-export", "delete-imported"]);

/** Generates `count` hypotheses, half of them (the even ones) introducing errors. */
export function generateHypotheses(plan: TsProjectPlan, options: { readonly count: number; readonly seed: number }): GeneratedHypothesis[] {
  const random = createSeededRandom(options.seed);
  const imported = plan.modules.filter((module) => (plan.importers[module.index]?.length ?? 0) > 0);
  const unused = plan.modules.filter((module) => (plan.importers[module.index]?.length ?? 0) === 0);
  const hypotheses: GeneratedHypothesis[] = [];
  for (let i = 0; i < options.count; i++) {
    const expectsErrors = i % 2 === 0;
    const kinds = expectsErrors ? errorKinds : benignKinds;
    let kind = kinds[Math.floor(i / 2) % kinds.length] ?? "comment";
    if (kind === "delete-unused" && unused.length === 0) kind = "comment";
    const pool = needsImporters.has(kind) ? imported : kind === "delete-unused" ? unused : plan.modules;
    const module = random.pick(pool.length > 0 ? pool : plan.modules);
    const id = `h${String(i).padStart(3, "0")}-${kind}-${module.index}`;
    const hypothesis = (path: string, content: string | null): GeneratedHypothesis => ({ id, kind, expectsErrors, changes: { [path]: content }, path });
    switch (kind) {
      case "delete-imported":
      case "delete-unused":
        hypotheses.push(hypothesis(module.path, null));
        break;
      case "new-module":
      case "new-module-broken": {
        const path = module.path.replace(/[^/]+\.ts$/, `extra-${i}.ts`);
        const n = module.name;
        const value = kind === "new-module" ? `create${n}(${1000 + i})` : `create${n}("${1000 + i}")`;
        const text = [
          `import { create${n}, describe${n}, type ${n} } from "${importSpecifier(path, module.path)}";`,
          "",
          `export const extra${i}: ${n} = ${value};`,
          `export const extra${i}Text: string = describe${n}(extra${i});`,
          "",
        ].join("\n");
        hypotheses.push(hypothesis(path, text));
        break;
      }
      default:
        hypotheses.push(hypothesis(module.path, renderTsModule(plan, module.index, kind)));
    }
  }
  return hypotheses;
}
