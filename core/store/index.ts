/** The store: sessions, fork trees, changesets, results and the event log in one SQLite file (see DESIGN.md, "Changesets live on the host"). */
export { openStore, storeApplicationId } from "./open-store.ts";
export type { OpenStoreOptions, Store } from "./open-store.ts";
export { createSession, getSession, listSessions, updateSession } from "./sessions.ts";
export type { NewSession, SessionUpdate } from "./sessions.ts";
export { addNode, getNode, updateNode } from "./nodes.ts";
export type { NewNode, NodeUpdate } from "./nodes.ts";
export { getTree } from "./get-tree.ts";
export { getAccumulatedChanges, getAccumulatedFiles, getChangeset, getChangesetFiles, materializeFiles } from "./changesets.ts";
export type { StoredChange, StoredChanges } from "./changesets.ts";
export { getBlob, hashContent } from "./blobs.ts";
export { lastEventSeq, listEvents } from "./events.ts";
export type { ListEventsOptions } from "./events.ts";
export { interruptedReason, markInterruptedNodes } from "./mark-interrupted-nodes.ts";
export { getSessionSetting, setSessionSetting } from "./session-settings.ts";
export { storeId } from "./store-id.ts";
export { acquireLease, getLease, releaseLease, renewLease } from "./session-lease.ts";
export type { LeaseClaim, LeaseHolder, LeaseOutcome } from "./session-lease.ts";
