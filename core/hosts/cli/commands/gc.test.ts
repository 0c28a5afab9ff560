import { describe, expect, it } from "vitest";
import type { GcOutcome } from "../../../engine/index.ts";
import { formatGcOutcome } from "./gc.ts";

const base: GcOutcome = {
  dryRun: false,
  allStores: false,
  store: { id: "0123456789abcdef", path: "/w/.forklift/forklift.db" },
  removed: [],
  kept: [],
  failed: [],
  report: { removedContainers: [], removedImages: [], failed: [] },
  before: { containers: [], images: [] },
};

describe("formatGcOutcome", () => {
  it("lists what went, what could not, and what stayed with why", () => {
    const text = formatGcOutcome({
      ...base,
      removed: [{ kind: "container", id: "abcdef0123456789", session: "s", role: "fork", owner: { kind: "this-store" }, reason: "session 11111111 is done in this store" }],
      failed: [{ item: { kind: "image", id: "sha256:ffff", session: "s", role: "checkpoint", owner: { kind: "this-store" }, reason: "session 11111111 is done in this store" }, reason: "in use" }],
      kept: [{ kind: "image", id: "sha256:0123456789abcdef", session: "t", role: "checkpoint", owner: { kind: "other-store", id: "x", path: "/other.db" }, reason: "belongs to the store /other.db (gc --all-stores considers it)" }],
    });
    expect(text).toBe(
      [
        "removed container abcdef012345: session 11111111 is done in this store",
        "could not remove image ffff: session 11111111 is done in this store — in use",
        "kept image 0123456789ab: belongs to the store /other.db (gc --all-stores considers it)",
        "removed 1 container(s) and 0 image(s) of the store /w/.forklift/forklift.db; kept 1; 1 could not be removed (1 of other stores: --all-stores to consider them)",
        "",
      ].join("\n"),
    );
  });

  it("says 'would' on a dry run", () => {
    expect(formatGcOutcome({ ...base, dryRun: true, allStores: true })).toBe("would remove 0 container(s) and 0 image(s) of any store; kept 0\n");
  });
});
