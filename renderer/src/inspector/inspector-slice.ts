/** What the inspector fetched for the selected node (its diff, checks), a comparison, and the results of its actions. */
import type { FileDiff } from "../../../shared/protocol/contract.ts";
import type { CheckDetail } from "../../../shared/protocol/check-detail.ts";
import type { Loadable } from "../store/loadable.ts";
import type { StudioSlice } from "../store/studio-store.ts";

/** Which state a node's diff is taken against. */
export type DiffAgainst = "parent" | "root";

/** A diff as node/diff or node/compare answer it. */
export interface FileDiffs {
  files: FileDiff[];
  patch: string;
}

/** What the inspector shows in its main area. */
export type InspectorMode = "diff" | "edit" | "compare";

/** See the module comment. */
export interface InspectorSlice {
  against: DiffAgainst;
  mode: InspectorMode;
  /** The diff of `nodeId` against `against`. */
  diff?: { nodeId: string; against: DiffAgainst; data: Loadable<FileDiffs> };
  /** The file shown in the diff editor (a path of diff.files). */
  diffFile?: string;
  checks?: { nodeId: string; data: Loadable<CheckDetail[]> };
  comparison?: { leftId: string; rightId: string; data: Loadable<FileDiffs> };
  compareFile?: string;
  /** The file open in the hand-edit editor. */
  editFile?: string;
  /** The last apply of a node to the repository, for the result line. */
  applied?: { nodeId: string; data: Loadable<{ branch: string; commit: string }> };
  /** An action is running on this node (buttons wait). */
  busy?: { nodeId: string; action: string };
}

/** Creates the inspector slice. */
export const createInspectorSlice: StudioSlice<InspectorSlice> = () => ({ against: "parent", mode: "diff" });
