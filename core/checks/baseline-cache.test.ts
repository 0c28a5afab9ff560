import { describe, expect, it } from "vitest";
import type { SandboxDriver } from "../sandbox/index.ts";
import { BaselineCache } from "./baseline-cache.ts";
import type { CheckBaseline } from "./check-baseline.ts";
import { checkFingerprint, type CheckDefinition } from "./check-definition.ts";

// Import, export and lookups never touch a sandbox; measuring does (see slow-checks.docker.test.ts).
const noDriver = {} as SandboxDriver;
const check: CheckDefinition = { name: "tests", command: "node --test", parser: "tap", timeoutSec: 60, mode: "gate", weight: 1 };
const baseline: CheckBaseline = {
  version: 1,
  checkpointId: "sha256:abc",
  check: "tests",
  fingerprint: checkFingerprint(check),
  parser: "tap",
  outcome: { status: "reported", report: { kind: "tests", tests: [{ id: "a", status: "passed" }] } },
  flakyTests: [],
  flakyReport: false,
  runs: 2,
  durationMs: 12,
  measuredAt: "2026-01-01T00:00:00.000Z",
};

describe("BaselineCache", () => {
  it("round-trips through JSON and serves imported baselines without measuring", async () => {
    const cache = new BaselineCache({ driver: noDriver });
    expect(cache.import([JSON.parse(JSON.stringify(baseline)) as unknown, { version: 2 }, "junk"])).toEqual({ loaded: 1, rejected: 2 });
    expect(cache.peek("sha256:abc", "tests")).toEqual(baseline);
    expect(cache.export()).toEqual([baseline]);
    const set = await cache.get({ id: "sha256:abc" } as never, [check]);
    expect(set).toEqual({ status: "measured", baselines: new Map([["tests", baseline]]) });
    cache.forget("sha256:abc");
    expect(cache.export()).toEqual([]);
  });

  it("does not reuse a baseline measured with another command", () => {
    expect(checkFingerprint({ ...check, command: "node --test test/" })).not.toBe(checkFingerprint(check));
    expect(checkFingerprint({ ...check, mode: "score", weight: 3 })).toBe(checkFingerprint(check));
  });
});
