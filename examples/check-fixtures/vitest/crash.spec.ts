// A test file that cannot load: Vitest reports the file as failed with no tests.
import { test } from "vitest";
import "./does-not-exist.ts";

test("never runs", () => {});
