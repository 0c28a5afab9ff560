/**
 * The studio's place in the page's URL: `#session=ID&node=ID[&compare=ID]` (so a reload or a
 * shared link opens the same node, or the same comparison) and `?demo=1` (open with the bundled demo ready). Pure parsing, plus two small
 * functions that touch `location`.
 */

/** What the URL asks for. */
export interface LocationState {
  session?: string;
  node?: string;
  /** The node the selected one is compared with. */
  compare?: string;
  demo: boolean;
}

/** Reads a URL's search and hash. */
export function parseLocation(search: string, hash: string): LocationState {
  const query = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ""));
  const state: LocationState = { demo: query.get("demo") === "1" };
  const session = fragment.get("session");
  const node = fragment.get("node");
  const compare = fragment.get("compare");
  if (session) state.session = session;
  if (session && node) state.node = node;
  if (session && node && compare) state.compare = compare;
  return state;
}

/** What the hash records. */
export interface HashState {
  session?: string | undefined;
  node?: string | undefined;
  compare?: string | undefined;
}

/** The hash for a session, node and compared node (empty when no session). */
export function formatHash(state: HashState): string {
  if (!state.session) return "";
  const fragment = new URLSearchParams({ session: state.session });
  if (state.node) fragment.set("node", state.node);
  if (state.node && state.compare) fragment.set("compare", state.compare);
  return `#${fragment.toString()}`;
}

/** What this page's URL asks for. */
export function readLocation(): LocationState {
  return parseLocation(window.location.search, window.location.hash);
}

/** Records the active session and node in the URL without a new history entry. */
export function writeLocation(state: HashState): void {
  if (typeof window === "undefined" || !window.history) return;
  const hash = formatHash(state);
  if (hash === window.location.hash) return;
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
}
