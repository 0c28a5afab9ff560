/**
 * Fetching what the inspector shows for a node: its diff (`node/diff`), its checks in full
 * (`node/checks`), a comparison (`node/compare`). An answer for a node that is no longer
 * selected is dropped.
 */
import { toErrorValue } from "../../../shared/errors.ts";
import { engine } from "../engine/engine.ts";
import { useStudio } from "../store/studio-store.ts";
import type { DiffAgainst, FileDiffs } from "./inspector-slice.ts";

/** Loads a node's diff against its parent or the root. */
export async function loadDiff(nodeId: string, against: DiffAgainst): Promise<void> {
  useStudio.setState({ diff: { nodeId, against, data: { kind: "loading" } } });
  const current = () => {
    const diff = useStudio.getState().diff;
    return diff?.nodeId === nodeId && diff.against === against;
  };
  try {
    const data = await engine().call("node/diff", { nodeId, against });
    if (!current()) return;
    const keep = useStudio.getState().diffFile;
    useStudio.setState({ diff: { nodeId, against, data: { kind: "ready", value: data } }, diffFile: pickFile(data, keep) });
  } catch (error) {
    if (current()) useStudio.setState({ diff: { nodeId, against, data: { kind: "error", error: toErrorValue(error) } } });
  }
}

/** Loads every check of a node in full. */
export async function loadChecks(nodeId: string): Promise<void> {
  useStudio.setState({ checks: { nodeId, data: { kind: "loading" } } });
  try {
    const { checks } = await engine().call("node/checks", { nodeId });
    if (useStudio.getState().checks?.nodeId === nodeId) useStudio.setState({ checks: { nodeId, data: { kind: "ready", value: checks } } });
  } catch (error) {
    if (useStudio.getState().checks?.nodeId === nodeId) useStudio.setState({ checks: { nodeId, data: { kind: "error", error: toErrorValue(error) } } });
  }
}

/** Loads what differs between two nodes. */
export async function loadComparison(leftId: string, rightId: string): Promise<void> {
  useStudio.setState({ comparison: { leftId, rightId, data: { kind: "loading" } } });
  const current = () => {
    const comparison = useStudio.getState().comparison;
    return comparison?.leftId === leftId && comparison.rightId === rightId;
  };
  try {
    const data = await engine().call("node/compare", { leftId, rightId });
    if (!current()) return;
    const keep = useStudio.getState().compareFile;
    useStudio.setState({ comparison: { leftId, rightId, data: { kind: "ready", value: data } }, compareFile: pickFile(data, keep) });
  } catch (error) {
    if (current()) useStudio.setState({ comparison: { leftId, rightId, data: { kind: "error", error: toErrorValue(error) } } });
  }
}

/** The file to show: the one shown before if the new diff has it, otherwise the first. */
export function pickFile(diff: FileDiffs, keep: string | undefined): string | undefined {
  if (keep !== undefined && diff.files.some((file) => file.path === keep)) return keep;
  return diff.files[0]?.path;
}
