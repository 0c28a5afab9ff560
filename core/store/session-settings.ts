import { ForkliftError } from "../../shared/errors.ts";
import type { Store } from "./open-store.ts";

/**
 * Sets a session's setting (text; JSON is the caller's business), replacing any earlier value.
 * Settings are what the engine needs to resume a session in a new process (e.g. the spec's text);
 * they are not part of the tree, so they make no event.
 */
export function setSessionSetting(store: Store, sessionId: string, key: string, value: string): void {
  store.write(() => {
    if (store.statement("SELECT 1 FROM sessions WHERE id = ?").get(sessionId) === undefined) {
      throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
    }
    store
      .statement("INSERT INTO session_settings (session_id, key, value) VALUES (?, ?, ?) ON CONFLICT (session_id, key) DO UPDATE SET value = excluded.value")
      .run(sessionId, key, value);
  });
}

/** A session's setting, or undefined when it was never set. */
export function getSessionSetting(store: Store, sessionId: string, key: string): string | undefined {
  return store.statement("SELECT value FROM session_settings WHERE session_id = ? AND key = ?").pluck().get(sessionId, key) as string | undefined;
}
