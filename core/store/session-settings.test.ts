import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "./open-store.ts";
import type { Store } from "./open-store.ts";
import { getSessionSetting, setSessionSetting } from "./session-settings.ts";
import { createSession } from "./sessions.ts";
import { tempStoreDir } from "./testing/temp-store.ts";

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
beforeEach(() => {
  temp = tempStoreDir();
  store = openStore(temp.file());
});
afterEach(() => {
  store.close();
  temp.remove();
});

describe("session settings", () => {
  it("keeps the last value per key and session, and survives a reopen", () => {
    const { session } = createSession(store, { specName: "s", specHash: "h", repoPath: "/repo", rootCommit: "abc" });
    expect(getSessionSetting(store, session.id, "spec")).toBeUndefined();
    setSessionSetting(store, session.id, "spec", "one");
    setSessionSetting(store, session.id, "spec", "two");
    store.close();
    store = openStore(temp.file());
    expect(getSessionSetting(store, session.id, "spec")).toBe("two");
    expect(() => setSessionSetting(store, "missing", "spec", "x")).toThrow(/no session missing/);
  });
});
