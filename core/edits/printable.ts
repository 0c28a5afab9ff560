/** Text as it may appear inside a one-line message: control characters escaped, cut at `max` characters. */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
