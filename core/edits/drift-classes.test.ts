import { describe, expect, it } from "vitest";
import { applyEdits } from "./apply-edits.ts";
import type { ApplyResult } from "./apply-result.ts";
import { makeBlock } from "./testing-helpers.ts";

/** Applies one block to a.ts: the new content and the strategy, or the failure. */
function apply1(file: string, search: string, replace: string): { content?: string; strategy?: string; result: ApplyResult } {
  const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", search, replace, 1)]);
  if (result.kind === "failed") return { result };
  return { content: result.changes["a.ts"] ?? file, strategy: result.matches[0]?.strategy, result };
}

function failure(out: { result: ApplyResult }): unknown {
  return out.result.kind === "failed" ? out.result.errors[0]?.failure : undefined;
}

const service = [
  "import { Store } from './store';",
  "",
  "export class CartService {",
  "  private readonly store = new Store();",
  "",
  "  async total(userId: string): Promise<number> {",
  "    const items = await this.store.items(userId);",
  "    let sum = 0;",
  "    for (const item of items) {",
  "      sum += item.price * item.quantity;",
  "    }",
  "    return sum;",
  "  }",
  "",
  "  async clear(userId: string): Promise<void> {",
  "    const items = await this.store.items(userId);",
  "    for (const item of items) {",
  "      await this.store.remove(userId, item.id);",
  "    }",
  "  }",
  "}",
  "",
].join("\n");

describe("SEARCH text that is not whole lines", () => {
  it("applies a piece of one line found exactly once", () => {
    const out = apply1(service, "item.price * item.quantity", "item.price * item.quantity * (1 - item.discount)");
    expect(out.strategy).toBe("fragment");
    expect(out.content).toBe(service.replace("item.price * item.quantity;", "item.price * item.quantity * (1 - item.discount);"));
  });

  it("applies text from the middle of one line to the middle of the next", () => {
    const out = apply1(service, "Promise<number> {\n    const items = await", "Promise<number> {\n    const items: Item[] = await");
    expect(out.strategy).toBe("fragment");
    expect(out.content).toBe(service.replace("  async total(userId: string): Promise<number> {\n    const items =", "  async total(userId: string): Promise<number> {\n    const items: Item[] ="));
  });

  it("applies a piece of a doc comment's example line, whose `...` is a spread, not elided code", () => {
    const file = "/**\n * @example\n *   useQuery({\n *     ...overrideOptions,\n *   })\n */\nexport const x = 1;\n";
    const out = apply1(file, "..overrideOptions", "..overrideOptionsNext");
    expect(out.content).toBe(file.replace("...overrideOptions,", "...overrideOptionsNext,"));
  });

  it("refuses a piece found in several places", () => {
    const out = apply1(service, "this.store.items(userId)", "this.store.itemsOf(userId)");
    expect(failure(out)).toMatchObject({ kind: "ambiguous", strategy: "fragment", count: 2 });
  });

  it("refuses whole lines whose first line the file has since prefixed with a word, not taking them as a piece from mid-line", () => {
    const file = ["export const defaults = {", "  retries: 3,", "};", "", "export function load(): void {}", ""].join("\n");
    const out = apply1(file, ["const defaults = {", "  retries: 3,", "};"].join("\n"), "");
    expect(out.result.kind).toBe("failed");
  });

  it("applies a piece from after an assignment's `=` to the end of the next line", () => {
    const file = ["export const defaults = merge({", "  retries: 3 });", ""].join("\n");
    const out = apply1(file, ["merge({", "  retries: 3 });"].join("\n"), ["merge({", "  retries: 5 });"].join("\n"));
    expect(out.content).toBe(file.replace("retries: 3", "retries: 5"));
  });

  it("refuses a whole line (with its indentation) that the file has since lengthened", () => {
    const file = service.replace("    let sum = 0;", "    let sum = 0; // cents");
    const out = apply1(file, "    let sum = 0;", "    let sum = 0n;");
    expect(out.result.kind).toBe("failed");
  });
});

describe("line numbers copied from a numbered excerpt", () => {
  const numbered = (from: number, lines: string[], style: (n: number, line: string) => string): string =>
    lines.map((line, k) => style(from + k, line)).join("\n");

  it("strips `12 | ` from SEARCH and REPLACE when the numbers agree with where SEARCH is", () => {
    const search = numbered(8, ["    let sum = 0;", "    for (const item of items) {"], (n, l) => `${String(n).padStart(2)} | ${l}`);
    const replace = numbered(8, ["    let sum = 0;", "    let count = 0;", "    for (const item of items) {"], (n, l) => `${String(n).padStart(2)} | ${l}`);
    const out = apply1(service, search, replace);
    expect(out.content).toBe(service.replace("    let sum = 0;\n", "    let sum = 0;\n    let count = 0;\n"));
  });

  it("strips an editor's `  12→` prefix from SEARCH when REPLACE has none", () => {
    const search = numbered(12, ["    return sum;", "  }"], (n, l) => `${String(n).padStart(6)}→${l}`);
    const out = apply1(service, search, "    return Math.round(sum);\n  }");
    expect(out.content).toBe(service.replace("return sum;", "return Math.round(sum);"));
  });

  it("refuses when the numbers say another place than the text", () => {
    const search = numbered(30, ["    return sum;", "  }"], (n, l) => `${n}: ${l}`);
    const out = apply1(service, search, numbered(30, ["    return Math.round(sum);", "  }"], (n, l) => `${n}: ${l}`));
    expect(failure(out)).toMatchObject({ kind: "line-numbers", claimed: { first: 30, last: 31 }, found: { first: 12, last: 13 } });
  });

  it("refuses when only some REPLACE lines carry numbers that are not copies of SEARCH lines", () => {
    const search = numbered(12, ["    return sum;", "  }"], (n, l) => `${n} | ${l}`);
    const out = apply1(service, search, "12 | return total;\n    log(sum);\n13 |   }");
    expect(failure(out)).toMatchObject({ kind: "line-numbers", claimed: undefined });
  });
});

describe("a typo in a context line or in the changed line", () => {
  it("places a block whose context line is mistyped; the file keeps its line", () => {
    const search = "    let sum = 0;\n    for (const iten of items) {\n      sum += item.price * item.quantity;";
    const out = apply1(service, search, search.replace("item.quantity;", "item.quantity + item.tax;"));
    expect(out.strategy).toBe("fuzzy");
    expect(out.content).toBe(service.replace("item.quantity;", "item.quantity + item.tax;"));
  });

  it("places a mistyped changed line when REPLACE spells the file's word", () => {
    const search = "    let sum = 0;\n    for (const item of items) {\n      sum += item.prcie * item.quantity;\n    }";
    const replace = "    let sum = 0;\n    for (const item of items) {\n      sum += item.price * item.count;\n    }";
    const out = apply1(service, search, replace);
    expect(out.content).toBe(service.replace("item.price * item.quantity;", "item.price * item.count;"));
  });

  it("refuses a changed line that differs when REPLACE keeps SEARCH's word (the file may have moved on)", () => {
    const search = "    let sum = 0;\n    for (const item of items) {\n      sum += item.prcie * item.quantity;\n    }";
    const out = apply1(service, search, search.replace("item.quantity", "item.count"));
    expect(out.result.kind).toBe("failed");
  });

  it("refuses a typo when another place is nearly as close", () => {
    const twins = "function a() {\n  const value = load();\n  return value;\n}\nfunction b() {\n  const value = load();\n  return value;\n}\n";
    const out = apply1(twins, "{\n  const valeu = load();\n  return value;\n}", "{\n  const valeu = load();\n  return value + 1;\n}");
    expect(out.result.kind).toBe("failed");
  });
});

describe("stale context: the file moved on since the model read it", () => {
  it("applies when a context line was changed and the changed lines are intact", () => {
    const file = service.replace("const items = await this.store.items(userId);\n    let sum", "const items = await this.store.itemsFor(userId);\n    let sum");
    const search = "    const items = await this.store.items(userId);\n    let sum = 0;\n    for (const item of items) {\n      sum += item.price * item.quantity;";
    const out = apply1(file, search, search.replace("item.price * item.quantity", "item.total"));
    expect(out.strategy).toBe("stale-context");
    expect(out.content).toBe(file.replace("item.price * item.quantity", "item.total"));
  });

  it("applies when the file gained a line inside the context, keeping it", () => {
    const file = service.replace("    let sum = 0;\n", "    let sum = 0;\n    const started = Date.now();\n");
    const search = "    let sum = 0;\n    for (const item of items) {\n      sum += item.price * item.quantity;\n    }\n    return sum;";
    const out = apply1(file, search, search.replace("    return sum;", "    return Math.round(sum);"));
    expect(out.content).toBe(file.replace("    return sum;", "    return Math.round(sum);"));
  });

  it("refuses when the line the block changes is different in the file (REPLACE would undo that change)", () => {
    const file = service.replace("sum += item.price * item.quantity;", "sum += item.unitPrice * item.quantity;");
    const search = "    let sum = 0;\n    for (const item of items) {\n      sum += item.price * item.quantity;\n    }";
    const out = apply1(file, search, search.replace("item.quantity;", "item.quantity + 1;"));
    expect(failure(out)).toMatchObject({ kind: "stale" });
  });

  it("refuses to insert between two context lines the file has since separated (where would the new line go?)", () => {
    const file = service.replace("    let sum = 0;\n", "    let sum = 0;\n    const started = Date.now();\n");
    const search = "    const items = await this.store.items(userId);\n    let sum = 0;\n    for (const item of items) {";
    const out = apply1(file, search, "    const items = await this.store.items(userId);\n    let sum = 0;\n    let count = 0;\n    for (const item of items) {");
    expect(out.result.kind).toBe("failed");
  });
});

describe("a first line copied without its indentation (old_string style)", () => {
  it("keeps the file's indentation on the first line and on new lines", () => {
    const search = "for (const item of items) {\n      sum += item.price * item.quantity;\n    }";
    const replace = "for (const item of items) {\n      if (item.free) continue;\n      sum += item.price * item.quantity;\n    }";
    const out = apply1(service, search, replace);
    expect(out.content).toBe(service.replace("    for (const item of items) {\n      sum +=", "    for (const item of items) {\n      if (item.free) continue;\n      sum +="));
  });

  it("gives a rewritten first line the file's indentation", () => {
    const search = "let sum = 0;\n    for (const item of items) {\n      sum += item.price * item.quantity;";
    const replace = "let sum = 0n;\n    for (const item of items) {\n      sum += item.price * item.quantity;";
    const out = apply1(service, search, replace);
    expect(out.content).toBe(service.replace("    let sum = 0;", "    let sum = 0n;"));
  });
});

describe("never the wrong place", () => {
  it("refuses when the place SEARCH fits best has changed the line the block rewrites, though another place fits all but one context line", () => {
    const method = (name: string, fetch: string, fallback: number): string[] => [
      `  async ${name}(id: string) {`,
      "    const cached = this.cache.get(id);",
      `    if (cached) return cached ?? ${fallback};`,
      `    const found = await this.${fetch}(id, 'save');`,
      "    this.cache.set(id, found);",
      "    return found;",
      "  }",
    ];
    const file = ["class Events {", ...method("load", "fetchEvent", 7), "", ...method("check", "fetchEventRenamed", 8), "}", ""].join("\n");
    // Written against `check` before its fetch was renamed: at `load`, only the `?? 7` context line differs.
    const search = ["    if (cached) return cached ?? 8;", "    const found = await this.fetchEvent(id, 'save');", "    this.cache.set(id, found);", "    return found;", "  }"].join("\n");
    const out = apply1(file, search, search.replace("fetchEvent(id, 'save')", "fetchEventNext(id, 'save')"));
    expect(out.result.kind).toBe("failed");
  });
});

describe("stale conflict: the place whose changed lines the file has rewritten", () => {
  const placeholderTypes = (checked: boolean): string =>
    [
      "type Pending = {",
      "  /**",
      "   * `true`, since the data shown is the placeholder.",
      "   */",
      "  isPlaceholderData: true",
      checked ? "  /** // checked" : "  /**",
      "   * `'success'`, since the query shows the placeholder data.",
      "   * from `select`.",
      "   */",
      "  status: 'success'",
      "}",
      "type Infinite = {",
      "  isPlaceholderData: true",
      "  /**",
      "   * `false`, since fetching the next page didn't fail.",
      "   */",
      "  isFetchNextPageError: false",
      "  /**",
      "   * `'success'`, since the query shows the placeholder data.",
      "   * from `select`.",
      "   */",
      "  status: 'success'",
      "}",
      "",
    ].join("\n");
  const search = ["  isPlaceholderData: true", "  /**", "   * `'success'`, since the query shows the placeholder data.", "   * from `select`.", "   */", "  status: 'success'"].join("\n");
  const replace = ["  isPlaceholderData: true", "  /** The query shows its placeholder data.", "   * from `select`.", "   */", "  status: 'success'"].join("\n");

  it("applies where SEARCH is whole, though another place holds all of it but its first line", () => {
    const file = placeholderTypes(false);
    const out = apply1(file, search, replace);
    expect(out.content).toBe(file.replace("  /**\n   * `'success'`, since the query shows the placeholder data.\n   * from", "  /** The query shows its placeholder data.\n   * from"));
  });

  it("refuses when the file rewrote a line the block changes, though another place holds every line but the first", () => {
    // Aligned loosely (a `/**` three lines up taken instead of the line above the change), the place
    // meant looks farther than the other type's, and the block lands there.
    const out = apply1(placeholderTypes(true), search, replace);
    expect(failure(out)).toMatchObject({ kind: "stale", changedLines: [6] });
  });
});

describe("a block written against an earlier block's result", () => {
  const generic = (name: string, extra: string[]): string[] => [`  ${name}<`, "    TQueryFnData,", "    TError = DefaultError,", "    TData = TQueryFnData,", "    TQueryKey extends QueryKey = QueryKey,", ...extra, "  >(", "    options: Options,", "  ) {}"];
  const file = ["class Client {", ...generic("ensureQueryData", []), "", ...generic("prefetchInfiniteQuery", ["    TPageParam = unknown,"]), "}", ""].join("\n");
  const first = makeBlock("a.ts", ["    TQueryKey extends QueryKey = QueryKey,", "    TPageParam = unknown,", "  >("].join("\n"), ["    const migrated = await migrate(input);", "  >("].join("\n"), 1);

  it("applies it after that block, not at a place of the original that fits all but the quoted line", () => {
    const second = makeBlock("a.ts", ["  prefetchInfiniteQuery<", "    TQueryFnData,", "    TError = DefaultError,", "    TData = TQueryFnData,", "    const migrated = await migrate(input);", "  >("].join("\n"), ["  prefetchInfiniteQuery<", "    TQueryFnData,", "    const migrated = await migrate(input);", "  >("].join("\n"), 2);
    const result = applyEdits({ "a.ts": file }, [first, second]);
    expect(result.kind).toBe("applied");
    const content = result.kind === "applied" ? result.changes["a.ts"] : undefined;
    expect(content).toBe(file.replace("  prefetchInfiniteQuery<\n    TQueryFnData,\n    TError = DefaultError,\n    TData = TQueryFnData,\n    TQueryKey extends QueryKey = QueryKey,\n    TPageParam = unknown,\n", "  prefetchInfiniteQuery<\n    TQueryFnData,\n    const migrated = await migrate(input);\n"));
  });

  it("refuses it, naming the earlier block, when it fits neither after that block nor as written", () => {
    const second = makeBlock("a.ts", ["  ensureQueryData<", "    TQueryFnData,", "    TError = DefaultError,", "    TData = TQueryFnData,", "    const migrated = await migrate(input);"].join("\n"), ["  ensureQueryData<", "    TQueryFnData,", "    const migrated = await migrate(input);"].join("\n"), 2);
    const result = applyEdits({ "a.ts": file }, [first, second]);
    expect(result.kind === "failed" ? result.errors.map((e) => e.failure) : []).toEqual([{ kind: "quotes-earlier-block", other: 1, line: "    const migrated = await migrate(input);" }]);
  });
});

describe("never the wrong place: lines whose place only looks sure", () => {
  it("applies a stale block at its place though the line above its context was removed, not at a look-alike below", () => {
    const doc = (name: string, text: string): string[] => ["  /**", `   * ${text}`, "   * If `allowlist` is given, this one is ignored.", "   */", `  ${name}?: string | string[]`];
    const lines = ["interface Options {", "  /**", "   * sanitizes the state.", "   */", "  stateSanitizer?: Sanitizer", ...doc("denylist", "actions to hide, as regular expressions.").slice(1), ...doc("allowlist", "actions to hide, as regular expressions."), "  /**", "   * called for every action.", "   */", "  predicate?: Predicate", "}", ""];
    const file = lines.join("\n");
    const search = [...doc("denylist", "actions to hide, as regular expressions."), "  /**", "   * actions to hide, as regular expressions."].join("\n");
    const replace = search.replace("is ignored.\n", "is ignored.\n   * Matched against the action's type.\n");
    const out = apply1(file, search, replace);
    expect(out.content).toBe(file.replace("is ignored.\n   */\n  denylist", "is ignored.\n   * Matched against the action's type.\n   */\n  denylist"));
  });

  it("refuses to remove one of several equal lines in a row where the file differs around them", () => {
    const file = ["export type AnyBuilder = Builder<", "  any,", "  any,", "  any, // checked", "  any,", "  any,", "  any", ">;", ""].join("\n");
    const search = ["export type AnyBuilder = Builder<", "  any,", "  any,", "  any,", "  any,"].join("\n");
    const out = apply1(file, search, ["export type AnyBuilder = Builder<", "  any,", "  any,", "  any,"].join("\n"));
    expect(out.result.kind).toBe("failed");
  });

  it("moves new code lines by the shift of unindented code lines the model indented", () => {
    const file = ["const a = 1;", "const b = 2;", "export const c = a + b;", ""].join("\n");
    const out = apply1(file, ["    const a = 1;", "    const b = 2;"].join("\n"), ["    const a = 1;", "    const b = 2;", "    const d = a * b;"].join("\n"));
    expect(out.content).toBe(file.replace("const b = 2;\n", "const b = 2;\nconst d = a * b;\n"));
  });

  it("refuses new code lines shifted with doc-comment lines only, whose shift says nothing sure about code", () => {
    const file = ["export class Posts {", "  /**", "   * @example", "   * list()", "   */", "  list() {}", "}", ""].join("\n");
    const search = ["     * @example", "     * list()", "     */"].join("\n");
    const out = apply1(file, search, ["     * @example", "         const posts = load();", "     * list()", "     */"].join("\n"));
    expect(failure(out)).toMatchObject({ kind: "unclear-indentation" });
  });

  it("refuses new code lines among doc-comment lines of a tab-indented file that the model wrote with spaces", () => {
    const file = ["export class Cache {", "\t/**", "\t * @example", "\t * if (query) {", "\t *   cache.remove(query)", "\t * }", "\t */", "\tremove(query: Query): void {}", "}", ""].join("\n");
    const search = ["     * @example", "     * if (query) {", "     *   cache.remove(query)"].join("\n");
    const out = apply1(file, search, ["     * @example", "     * if (query) {", "         const found = cache.find(query);", "     *   cache.remove(query)"].join("\n"));
    expect(failure(out)).toMatchObject({ kind: "unclear-indentation" });
  });
});

describe("never the wrong place: a look-alike overlapping the place meant", () => {
  it("refuses a block whose changed line the file rewrote, though the overload just above fits with stale context", () => {
    const overload = (first: string, second: string, last: string): string[] => ["export function observe<K, V>(", `    ${first},`, `    ${second},`, `    ${last}`, "): Lambda"];
    const file = [
      ...overload("observableSet: ObservableSet<V> | Set<V>", "listener: (change: ISetDidChange<V>) => void", "fireImmediately?: boolean"),
      ...overload("observableMap: ObservableMap<K, V> | Map<K, V>", "listener: (change: IMapDidChange<K, V>) => void", "await fireImmediately?: boolean"),
      ...overload("observableMap: ObservableMap<K, V> | Map<K, V>", "property: K", "listener: (change: IValueDidChange<V>) => void"),
      "",
    ].join("\n");
    const search = ["    observableMap: ObservableMap<K, V> | Map<K, V>,", "    listener: (change: IMapDidChange<K, V>) => void,", "    fireImmediately?: boolean", "): Lambda", "export function observe<K, V>(", "    observableMap: ObservableMap<K, V> | Map<K, V>,"].join("\n");
    const replace = ["    observableMap: ObservableMap<K, V> | Map<K, V>,", "    listener: (change: IMapDidChange<K, V>) => void,", "    observableMap: ObservableMap<K, V> | Map<K, V>,"].join("\n");
    const out = apply1(file, search, replace);
    expect(out.result.kind).toBe("failed");
  });
});
