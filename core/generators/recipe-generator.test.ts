import { describe, expect, it } from "vitest";
import { findSitesInTree } from "../targets/index.ts";
import type { TargetRule } from "../targets/index.ts";
import type { GeneratedHypothesis } from "./generator.ts";
import { pickSeeded, createRecipeGenerator } from "./recipe-generator.ts";
import { orderContext, orderFiles, orderSites } from "./testing/order-fixture.ts";

const consoleToLogger: TargetRule = {
  id: "console-to-logger",
  language: "TypeScript",
  rule: { pattern: "console.log($MSG, $ARG)" },
  fixes: [
    { id: "info", template: "logger.info($MSG, { value: $ARG })" },
    { id: "debug", template: "logger.debug($MSG, { value: $ARG })" },
    { id: "broken", template: "logger.info($MSG, {" },
  ],
};

const changedText = (h: GeneratedHypothesis | undefined) => (h?.kind === "valid" ? h.changes["src/orders.ts"] : undefined);

describe("recipe generator", () => {
  it("makes one hypothesis per alternative fix, with rule and fix ids, and rejects fixes that break the syntax", async () => {
    const generator = createRecipeGenerator({ rules: [consoleToLogger], sitesPerStep: 5 });
    const hypotheses = await generator.generate(orderContext({ k: 4 }));
    expect(hypotheses.map((h) => [h.kind, h.source])).toEqual([
      ["valid", { kind: "recipe", ruleId: "console-to-logger", fixId: "info" }],
      ["valid", { kind: "recipe", ruleId: "console-to-logger", fixId: "debug" }],
      ["invalid", { kind: "recipe", ruleId: "console-to-logger", fixId: "broken" }],
    ]);
    expect(changedText(hypotheses[0])).toBe(
      orderFiles["src/orders.ts"]!.replace('console.log("placing order", id)', 'logger.info("placing order", { value: id })').replace(
        'console.log("cancelling order", id)',
        'logger.info("cancelling order", { value: id })',
      ),
    );
    const broken = hypotheses[2];
    expect(broken?.kind === "invalid" && broken.reason.kind).toBe("syntax-error");
    expect(hypotheses.every((h) => h.provenance.generator === "recipe" && h.provenance.tokensIn === 0 && h.provenance.costKnown)).toBe(true);
  });

  it("offers a deterministic rule's rewrite of every site left at once, besides the batch", async () => {
    const oneFix: TargetRule = { id: "log-info", language: "TypeScript", rule: { pattern: "console.log($MSG, $ARG)" }, fix: "logger.info($MSG, { value: $ARG })" };
    const generator = createRecipeGenerator({ rules: [oneFix], sitesPerStep: 1 });
    const hypotheses = await generator.generate(orderContext({ k: 2, sites: orderSites.slice(0, 1), allSites: orderSites }));
    expect(hypotheses.map((h) => h.source)).toEqual([
      { kind: "recipe", ruleId: "log-info", fixId: "every-site" },
      { kind: "recipe", ruleId: "log-info", fixId: "log-info" },
    ]);
    expect(changedText(hypotheses[0])).not.toContain("console.log");
    expect(changedText(hypotheses[1])).toContain('console.log("cancelling order", id)'); // the batch of one site
    // rules with alternatives are a choice: no every-site hypothesis for them
    const choice = await createRecipeGenerator({ rules: [consoleToLogger], sitesPerStep: 1 }).generate(orderContext({ k: 2, sites: orderSites.slice(0, 1), allSites: orderSites }));
    expect(choice.map((h) => h.source).some((source) => source.kind === "recipe" && source.fixId === "every-site")).toBe(false);
  });

  it("rewrites at most sitesPerStep sites per step", async () => {
    const generator = createRecipeGenerator({ rules: [consoleToLogger], sitesPerStep: 1 });
    const [first] = await generator.generate(orderContext({ k: 3 }));
    expect(first?.source).toMatchObject({ fixId: "info" });
    const text = changedText(first)!;
    expect(text).toContain('logger.info("placing order", { value: id })');
    expect(text).toContain('console.log("cancelling order", id)');
  });

  it("chooses which fixes to keep by the seed when there are more than K, the same way every time", async () => {
    const generator = createRecipeGenerator({ rules: [consoleToLogger], sitesPerStep: 5 });
    const fixIds = async (seed: number) =>
      (await generator.generate(orderContext({ k: 2, seed }))).map((h) => (h.source.kind === "recipe" ? h.source.fixId : ""));
    const once = await fixIds(1);
    expect(once).toHaveLength(2);
    expect(await fixIds(1)).toEqual(once);
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) seen.add((await fixIds(seed)).join(","));
    expect(seen.size).toBeGreaterThan(1);
  });

  it("produces nothing for sites its rules do not match", async () => {
    const other: TargetRule = { id: "var-to-let", language: "TypeScript", rule: { pattern: "var $A = $B" }, fix: "let $A = $B" };
    const hypotheses = await createRecipeGenerator({ rules: [other], sitesPerStep: 5 }).generate(orderContext({ k: 2 }));
    expect(hypotheses).toEqual([]);
  });
});

describe("pickSeeded", () => {
  it("keeps everything when there are at most K, and the original order otherwise", () => {
    expect(pickSeeded([1, 2, 3], 5, 0)).toEqual([1, 2, 3]);
    const picked = pickSeeded([...Array(10).keys()], 4, 42);
    expect(picked).toHaveLength(4);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    expect(pickSeeded([...Array(10).keys()], 4, 42)).toEqual(picked);
  });
});

describe("sites from core/targets", () => {
  it("are what generators take, and match the fixture's hand-written sites", () => {
    const sites = findSitesInTree([consoleToLogger], orderFiles);
    const context = orderContext({ sites });
    expect(context.sites.map((s) => [s.file, s.range.start.line, s.range.start.column, s.range.end.line, s.text])).toEqual(
      orderSites.map((s) => [s.file, s.range.start.line, s.range.start.column, s.range.end.line, s.text]),
    );
  });
});
