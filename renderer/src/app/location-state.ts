/**
 * The studio's place in the page's URL: `#session=ID&node=ID` (so a reload or a shared link opens
 * the same node) and `?demo=1` (open with the bundled demo ready). Pure parsing, plus two small
 * functions that touch `location`.
 */

/** What the URL asks for. */
export interface LocationState {
  session?: string;
  node?: string;
  demo: boolean;
}

/** Reads a URL's search and hash. */
export function parseLocation(search: string, hash: string): LocationState {
  const query = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ""));
  const state: LocationState = { demo: query.get("demo") === "1" };
  const session = fragment.get("session");
  const node = fragment.get("node");
  if (session) state.session = session;
  if (session && node) state.node = node;
  return state;
}

/** The hash for a session and node (empty when no session). */
export function formatHash(state: { session?: string | undefined; node?: string | undefined }): string {
  if (!state.session) return "";
  const fragment = new URLSearchParams({ session: state.session });
  if (state.node) fragment.set("node", state.node);
  return `#${fragment.toString()}`;
}

/** What this page's URL asks for. */
export function readLocation(): LocationState {
  return parseLocation(window.location.search, window.location.hash);
}

/** Records the active session and node in the URL without a new history entry. */
export function writeLocation(state: { session?: string | undefined; node?: string | undefined }): void {
  if (typeof window === "undefined" || !window.history) return;
  const hash = formatHash(state);
  if (hash === window.location.hash) return;
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
}
