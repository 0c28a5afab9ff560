import { describe, expect, it } from "vitest";
import { testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { useStudio } from "../store/studio-store.ts";
import { firstScreenSettled } from "./preload-monaco.ts";

describe("firstScreenSettled", () => {
  const base = useStudio.getState();

  it("waits for the session list, then for the active session's tree", () => {
    expect(firstScreenSettled(base)).toBe(false);
    expect(firstScreenSettled({ ...base, sessions: { kind: "ready", value: [] } })).toBe(true);
    const loadingTree = { ...base, activeSessionId: "s1", trees: { s1: { kind: "loading" as const, buffered: [] } } };
    expect(firstScreenSettled(loadingTree)).toBe(false);
    expect(firstScreenSettled({ ...loadingTree, trees: { s1: { kind: "ready" as const, tree: testTree([]) } } })).toBe(true);
  });
});
