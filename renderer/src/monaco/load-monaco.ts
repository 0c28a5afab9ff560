/** Loads Monaco once (a separate chunk) and hands every caller the same API. */
import type { monaco } from "./monaco-setup.ts";

type Monaco = typeof monaco;

let loading: Promise<Monaco> | undefined;

/** Monaco, loading it on the first call. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= import("./monaco-setup.ts").then((module) => module.monaco);
  return loading;
}

/** The Monaco API's type, for modules that receive it. */
export type { Monaco };
