/** Forklift's checkpoints and containers on the Docker host, and a gc's preview or result. */
import type { GcReport, SandboxListing } from "../../../shared/protocol/sandbox-listing.ts";
import type { Loadable } from "../store/loadable.ts";
import type { StudioSlice } from "../store/studio-store.ts";

/** See the module comment. */
export interface SandboxesSlice {
  sandboxes: Loadable<SandboxListing>;
  /** A dry run's preview, then the real run's report (dryRun false). */
  gc?: Loadable<GcReport>;
}

/** Creates the sandboxes slice. */
export const createSandboxesSlice: StudioSlice<SandboxesSlice> = () => ({ sandboxes: { kind: "loading" } });
