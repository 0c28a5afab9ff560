import { describe, expect, it } from "vitest";
import type { CheckSpec } from "../spec/check-schema.ts";
import { coveredByFastTier } from "./covered-by-fast-tier.ts";

const check = (command: string, parser: CheckSpec["parser"] = "tsc"): CheckSpec => ({ name: "typecheck", command, parser, timeoutSec: 60, mode: "gate", weight: 1 });

describe("coveredByFastTier", () => {
  it("covers tsc on the root project", () => {
    expect(coveredByFastTier(check("npx tsc --noEmit"))).toBe(true);
    expect(coveredByFastTier(check("node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json"))).toBe(true);
    expect(coveredByFastTier(check("tsc --noEmit --project ."))).toBe(true);
  });

  it("leaves other projects, build mode, compound commands and other parsers to the slow tier", () => {
    expect(coveredByFastTier(check("tsc --noEmit -p tsconfig.build.json"))).toBe(false);
    expect(coveredByFastTier(check("tsc --noEmit --project=packages/a"))).toBe(false);
    expect(coveredByFastTier(check("tsc -b"))).toBe(false);
    expect(coveredByFastTier(check("npm run gen && tsc --noEmit"))).toBe(false);
    expect(coveredByFastTier(check("npm test", "tap"))).toBe(false);
  });
});
