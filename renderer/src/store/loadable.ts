/** Data the renderer asked the engine for: still coming, here, or refused with the engine's coded error. */
import type { ErrorValue } from "../../../shared/errors.ts";

/** See the module comment. */
export type Loadable<T> = { kind: "loading" } | { kind: "ready"; value: T } | { kind: "error"; error: ErrorValue };

/** A loadable still waiting. */
export const loading = { kind: "loading" } as const;

/** A loadable that arrived. */
export function ready<T>(value: T): Loadable<T> {
  return { kind: "ready", value };
}

/** The value when ready, otherwise undefined. */
export function valueOf<T>(loadable: Loadable<T> | undefined): T | undefined {
  return loadable?.kind === "ready" ? loadable.value : undefined;
}
