/**
 * The shape of a generated TypeScript test project: modules grouped in feature areas, each
 * importing a few earlier modules of its own area and sometimes one of the shared `core` area,
 * so a change in a feature module affects a few files and a change in core affects many (as in
 * real code bases). Deterministic from the seed.
 */
import { createSeededRandom } from "./seeded-random.ts";

/** One generated module. */
export interface TsModule {
  readonly index: number;
  /** The module's main type, e.g. `Invoice17`; its other exports derive from it. */
  readonly name: string;
  /** Repository-relative path, e.g. `src/billing/invoice-17.ts`. */
  readonly path: string;
  /** Indices of the modules it imports. */
  readonly deps: readonly number[];
}

/** A whole generated project's module graph. */
export interface TsProjectPlan {
  readonly seed: number;
  readonly modules: readonly TsModule[];
  /** For each module index, the indices of the modules that import it. */
  readonly importers: readonly (readonly number[])[];
}

const areaNames = ["core", "billing", "catalog", "orders", "users", "shipping", "reports", "search", "auth", "notify", "payments", "inventory"];
const nouns = ["Invoice", "Order", "Customer", "Product", "Cart", "Payment", "Address", "Coupon", "Review", "Shipment", "Report", "Session", "Token", "Event", "Metric", "Account", "Ledger", "Quote", "Refund", "Stock"];
const filesPerArea = 20;

/** Plans a project of `files` modules (at least 2). */
export function planTsProject(options: { readonly files: number; readonly seed: number }): TsProjectPlan {
  const random = createSeededRandom(options.seed);
  const areaCount = Math.max(1, Math.round(options.files / filesPerArea));
  const areaOf = (index: number) => index % areaCount;
  const byArea: number[][] = Array.from({ length: areaCount }, () => []);
  const modules: TsModule[] = [];
  for (let index = 0; index < Math.max(2, options.files); index++) {
    const area = areaOf(index);
    const earlier = byArea[area] ?? [];
    const deps = new Set<number>();
    const wanted = Math.min(earlier.length, 1 + random.int(3));
    while (deps.size < wanted) {
      // Bias towards recent modules of the same area: features build on their own recent parts.
      const offset = Math.floor(random.next() ** 2 * earlier.length);
      deps.add(earlier[earlier.length - 1 - offset] ?? 0);
    }
    const core = byArea[0] ?? [];
    if (area !== 0 && core.length > 0 && random.next() < 0.35) deps.add(random.pick(core));
    const noun = random.pick(nouns);
    const areaName = areaNames[area] ?? `area${area}`;
    modules.push({
      index,
      name: `${noun}${index}`,
      path: `src/${areaName}/${noun.toLowerCase()}-${index}.ts`,
      deps: [...deps].sort((a, b) => a - b),
    });
    earlier.push(index);
    byArea[area] = earlier;
  }
  const importers = modules.map((module) => modules.filter((other) => other.deps.includes(module.index)).map((other) => other.index));
  return { seed: options.seed, modules, importers };
}
