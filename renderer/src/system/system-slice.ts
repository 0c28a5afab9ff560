/** What the engine needs from the machine (Docker, base image, LLM), for the error states, and the last endpoint check. */
import type { LlmCheck, SystemStatus } from "../../../shared/protocol/system-status.ts";
import type { Loadable } from "../store/loadable.ts";
import type { StudioSlice } from "../store/studio-store.ts";

/** See the module comment. */
export interface SystemSlice {
  system: Loadable<SystemStatus>;
  llmCheck?: Loadable<LlmCheck>;
}

/** Creates the system slice. */
export const createSystemSlice: StudioSlice<SystemSlice> = () => ({ system: { kind: "loading" } });
