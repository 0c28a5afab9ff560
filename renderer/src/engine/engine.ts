/**
 * The link the store's actions use. main.tsx installs the real one; tests install their own.
 * Actions call `engine()` at the time they run, so nothing holds a stale link.
 */
import type { EngineLink } from "./engine-link.ts";

let current: EngineLink | undefined;

/** Installs the link every action uses from now on. */
export function setEngine(link: EngineLink | undefined): void {
  current = link;
}

/** The installed link; throws if none is (a wiring bug, not a user error). */
export function engine(): EngineLink {
  if (!current) throw new Error("no engine link installed (main.tsx calls setEngine)");
  return current;
}
