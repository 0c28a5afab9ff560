/** The link to the engine as the header and the disconnected state show it. */
import type { LinkState } from "../engine/engine-link.ts";
import type { StudioSlice } from "./studio-store.ts";

/** See {@link LinkState}. */
export interface ConnectionSlice {
  connection: LinkState;
}

/** Creates the connection slice. */
export const createConnectionSlice: StudioSlice<ConnectionSlice> = () => ({
  connection: { kind: "connecting", attempt: 0 },
});
