/**
 * The renderer's own origin: a custom privileged scheme served by the main process (never
 * file://, never http). Every security check (navigation, IPC senders, the port handshake) asks
 * {@link isAppUrl}, which parses the URL instead of comparing prefixes.
 */

/** The scheme the renderer is served over (registered as standard and secure before ready). */
export const appScheme = "forklift-app";
/** The only host of {@link appScheme}. */
export const appHost = "app";
/** The page the window opens. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** The page to open for these command-line arguments: `--demo` (npm start) opens it with the demo ready, as the browser host's `?demo=1`. */
export function entryUrlFor(argv: readonly string[]): string {
  return argv.includes("--demo") ? `${appEntryUrl}?demo=1` : appEntryUrl;
}

/**
 * Whether `url` is a page or resource of the app's own origin. `URL.origin` is "null" for a
 * non-special scheme in Node, so protocol and host are compared instead; credentials and an
 * explicit port never belong to the app origin.
 */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${appScheme}:` && parsed.hostname === appHost && parsed.port === "" && parsed.username === "" && parsed.password === "";
}
