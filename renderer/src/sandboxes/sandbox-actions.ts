/** Listing Forklift's sandboxes on the Docker host and collecting the ones no live session needs (preview first). */
import { toErrorValue } from "../../../shared/errors.ts";
import { engine } from "../engine/engine.ts";
import { reportError, reportInfo } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { formatBytes } from "../ui/format.ts";

/** Fetches the listing (every session's). */
export async function loadSandboxes(): Promise<void> {
  useStudio.setState({ sandboxes: { kind: "loading" } });
  try {
    useStudio.setState({ sandboxes: { kind: "ready", value: await engine().call("sandbox/list", {}) } });
  } catch (error) {
    useStudio.setState({ sandboxes: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Asks what gc would remove, without removing anything. */
export async function previewGc(): Promise<void> {
  useStudio.setState({ gc: { kind: "loading" } });
  try {
    useStudio.setState({ gc: { kind: "ready", value: await engine().call("sandbox/gc", { dryRun: true }) } });
  } catch (error) {
    useStudio.setState({ gc: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Removes what the preview showed, after the user confirmed; then lists again. */
export async function runGc(): Promise<void> {
  useStudio.setState({ gc: { kind: "loading" } });
  try {
    const report = await engine().call("sandbox/gc", { dryRun: false });
    useStudio.setState({ gc: { kind: "ready", value: report } });
    reportInfo(`Removed ${report.containers.length} containers and ${report.images.length} images (${formatBytes(report.reclaimedBytes)}).`);
  } catch (error) {
    useStudio.setState({ gc: undefined });
    reportError("gc", error);
  }
  await loadSandboxes();
}
