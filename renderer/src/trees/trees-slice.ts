/** The fork trees the studio follows, by session, and each session's latest progress report. */
import type { EventOf } from "../../../shared/protocol/contract.ts";
import type { StudioSlice } from "../store/studio-store.ts";
import type { TreeEntries } from "./tree-entries.ts";

/** A `progress` event's payload. */
export type Progress = EventOf<"progress">;

/** See the module comment. */
export interface TreesSlice {
  trees: TreeEntries;
  progress: Record<string, Progress>;
}

/** Creates the trees slice. */
export const createTreesSlice: StudioSlice<TreesSlice> = () => ({ trees: {}, progress: {} });
