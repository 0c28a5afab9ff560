/**
 * The source text of one generated module, optionally with one mutation: the edits a hypothesis
 * makes. Each module exports an interface, an options type, a factory, a describe function, a
 * generic store class, a generic helper and two values, and uses what it imports in typed ways,
 * so that changing an export breaks its importers the way real code breaks.
 */
import { posix } from "node:path";
import type { TsModule, TsProjectPlan } from "./plan-ts-project.ts";

/** Edits that introduce type errors (in the module itself, or in its importers). */
export const errorMutations = [
  "wrong-argument-type",
  "missing-property",
  "wrong-return-type",
  "required-parameter",
  "removed-property",
  "renamed-export",
  "syntax-error",
  "bad-generic-argument",
] as const;

/** Edits that keep the project correct (some change the module's exported shape). */
export const benignMutations = ["comment", "body-change", "rename-local", "add-export", "optional-property", "reformat"] as const;

/** One edit of a module's text. */
export type ModuleMutation = (typeof errorMutations)[number] | (typeof benignMutations)[number];

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The import specifier of `to` from `from` (relative, without extension, as bundler resolution allows). */
export function importSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.ts$/, "");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** Renders module `index` of `plan`, with `mutation` applied when given. */
export function renderTsModule(plan: TsProjectPlan, index: number, mutation?: ModuleMutation): string {
  const module = plan.modules[index];
  if (!module) throw new Error(`no module ${index}`);
  const deps = module.deps.map((dep) => plan.modules[dep]).filter((dep): dep is TsModule => dep !== undefined);
  const n = module.name;
  const v = lowerFirst(n);
  const parts = mutation === "rename-local" ? "pieces" : "parts";
  const lines: string[] = [];
  lines.push(`// ${module.path}: generated test module ${n} (seed ${plan.seed}).`);
  if (mutation === "comment") lines.push("// Reviewed: nothing to change in this module.");
  for (const dep of deps) {
    lines.push(`import { create${dep.name}, describe${dep.name}, ${dep.name}Store, type ${dep.name} } from "${importSpecifier(module.path, dep.path)}";`);
  }
  lines.push(
    "",
    `/** A ${n} record. */`,
    `export interface ${n} {`,
    "  id: number;",
    ...(mutation === "removed-property" ? [] : ["  label: string;"]),
    "  tags: readonly string[];",
    ...deps.map((dep) => `  ${lowerFirst(dep.name)}: ${dep.name};`),
    ...(mutation === "optional-property" ? ["  note?: string;"] : []),
    "}",
    "",
    `/** Options for {@link create${n}}. */`,
    `export type ${n}Options = Partial<Pick<${n}, "tags"${mutation === "removed-property" ? "" : ` | "label"`}>>;`,
    "",
    `/** Creates a ${n}. */`,
    `export function create${n}(id: number, options: ${n}Options = {}): ${n} {`,
    `  const label = ${mutation === "removed-property" ? `"${v}-" + id` : `options.label ?? "${v}-" + id`};`,
    "  return {",
    "    id,",
    "    label,",
    ...(mutation === "missing-property" ? [] : ["    tags: options.tags ?? [label],"]),
    ...deps.map((dep, i) => `    ${lowerFirst(dep.name)}: create${dep.name}(id + ${i + 1}, { tags: [label] }),`),
    "  };",
    "}",
    "",
    `/** Describes a ${n} in one line. */`,
    `export function ${mutation === "renamed-export" ? `describe${n}Text` : `describe${n}`}(item: ${n}${mutation === "required-parameter" ? ", verbose: boolean" : ""}): string {`,
    `  const ${parts}: string[] = [${["String(item.id)", ...deps.flatMap((dep) => [`describe${dep.name}(item.${lowerFirst(dep.name)})`, `String(item.${lowerFirst(dep.name)}.label.length)`])].join(", ")}];`,
    mutation === "wrong-return-type" ? `  return ${parts}.length;` : `  return ${parts}.join("${mutation === "body-change" ? " | " : " / "}");`,
    "}",
    "",
    `/** A keyed collection of ${n} values (or of anything with an id). */`,
    `export class ${n}Store<T extends { id: number } = ${n}> {`,
    "  private readonly items = new Map<number, T>();",
    "",
    "  add(item: T): this {",
    "    this.items.set(item.id, item);",
    "    return this;",
    "  }",
    "",
    "  find(id: number): T | undefined {",
    "    return this.items.get(id);",
    "  }",
    "",
    "  map<U>(fn: (item: T) => U): U[] {",
    "    return [...this.items.values()].map(fn);",
    "  }",
    ...(mutation === "syntax-error" ? [] : ["}"]),
    "",
    "/** Sums a numeric projection of some items. */",
    `export function total${n}<T>(items: readonly T[], pick: (item: T) => number): number {`,
    "  let total = 0;",
    "  for (const item of items) total += pick(item);",
    "  return total;",
    "}",
    "",
    `export const ${v}Store = new ${n}Store${mutation === "bad-generic-argument" ? "<string>" : ""}().add(create${n}(${mutation === "wrong-argument-type" ? `"${module.index}"` : module.index}));`,
    `export const ${v}Total: number = total${n}(${v}Store.map((item) => item.id), (value) => value);`,
  );
  const first = deps[0];
  if (first) lines.push(`export const ${v}Index = new ${first.name}Store<${n}>().add(create${n}(0));`);
  if (mutation === "add-export") {
    lines.push("", `/** Counts ${n} values. */`, `export function count${n}(items: readonly ${n}[]): number {`, "  return items.length;", "}");
  }
  const text = lines.join("\n") + "\n";
  return mutation === "reformat" ? text.replace(/^( +)/gm, (spaces) => spaces + spaces) : text;
}
