import { ForkliftError } from "../../../../shared/errors.ts";
import { createEngine } from "../../../engine/index.ts";
import type { Engine, SandboxChoice } from "../../../engine/index.ts";
import type { Store } from "../../../store/index.ts";
import { openCliStore } from "./store-option.ts";

/** Options every session command shares. */
export interface EngineOptions {
  store?: string;
  /** `docker` (default) or `host` (no isolation). */
  sandbox?: string;
}

/** Runs `use` with an engine on the store the options name (`read`: it may be read-only); closes both whatever happens. */
export async function withEngine<T>(options: EngineOptions, use: (engine: Engine, store: Store) => Promise<T>, access: "write" | "read" = "write"): Promise<T> {
  const store = openCliStore(options.store, access);
  const engine = createEngine({ store, sandbox: sandboxChoice(options.sandbox), labelPrefix: process.env.FORKLIFT_LABEL_PREFIX ?? "" });
  try {
    return await use(engine, store);
  } finally {
    await engine.close();
    store.close();
  }
}

/** The sandbox the --sandbox option names. */
export function sandboxChoice(name: string | undefined): SandboxChoice {
  if (name === undefined || name === "docker") return { kind: "docker" };
  if (name === "host") return { kind: "host" };
  throw new ForkliftError("invalid-input", `--sandbox must be docker or host, not ${JSON.stringify(name)}`);
}
