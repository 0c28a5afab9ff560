/** The connection to the engine: how the renderer reaches it and whether it is there. */
import type { StudioSlice } from "./studio-store.ts";

/** Where the engine connection stands. */
export type ConnectionState = { kind: "connecting" } | { kind: "open" } | { kind: "closed"; reason: string };

/** See {@link ConnectionState}. */
export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection(connection: ConnectionState): void;
}

/** Creates the connection slice. */
export const createConnectionSlice: StudioSlice<ConnectionSlice> = (set) => ({
  connection: { kind: "connecting" },
  setConnection: (connection) => set({ connection }),
});
