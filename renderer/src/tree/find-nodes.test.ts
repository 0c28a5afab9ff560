import { describe, expect, it } from "vitest";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { findNodes } from "./find-nodes.ts";

const llm = { generator: "llm", model: "gpt-4.1-mini", tokensIn: 1, tokensOut: 1, tokensCached: 0, costUsd: 0, latencyMs: 1 };
const tree = testTree([
  testNode("0a1b2c3d-root", undefined),
  testNode("4e5f6a7b-x", "0a1b2c3d-root", { state: "invalid", provenance: llm, hypothesis: { kind: "llm", editBlocks: "" }, createdAt: 2 }),
  testNode("4e5f0000-y", "0a1b2c3d-root", { hypothesis: { kind: "recipe", ruleId: "console-log", fixId: "info" }, createdAt: 3 }),
]);
const ids = (query: string) => findNodes(tree, query).map((node) => node.id);

describe("findNodes", () => {
  it("finds by id prefix, oldest first", () => {
    expect(ids("4e5f")).toEqual(["4e5f6a7b-x", "4e5f0000-y"]);
    expect(ids("4E5F6")).toEqual(["4e5f6a7b-x"]);
  });

  it("finds by state and by generator, bare or with a key, and every word must match", () => {
    expect(ids("invalid")).toEqual(["4e5f6a7b-x"]);
    expect(ids("state:inv")).toEqual(["4e5f6a7b-x"]);
    expect(ids("gen:recipe")).toEqual(["4e5f0000-y"]);
    expect(ids("llm")).toEqual(["4e5f6a7b-x"]);
    expect(ids("model:gpt-4.1")).toEqual(["4e5f6a7b-x"]);
    expect(ids("rule:console")).toEqual(["4e5f0000-y"]);
    expect(ids("4e5f scored")).toEqual(["4e5f0000-y"]);
  });

  it("matches nothing for an empty query", () => {
    expect(ids("   ")).toEqual([]);
  });
});
