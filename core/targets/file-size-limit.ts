/**
 * ast-grep's own limit: a file over 3 MB that also has over 200,000 lines is a generated bundle
 * (typescript.js, minified vendor code), not code to migrate, and is skipped. We skip the same
 * files, so that counts agree with ast-grep's, and report them as skipped.
 */
const maxBytes = 3_000_000;
const maxLines = 200_000;

/** Whether a file of this many bytes could be too large (then its lines decide). */
export function mayBeTooLarge(bytes: number): boolean {
  return bytes > maxBytes;
}

/** Whether a file is too large to scan (see above); `content` as bytes or text. */
export function isTooLarge(content: Uint8Array | string): boolean {
  const size = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;
  if (size <= maxBytes) return false;
  return lineCount(content) > maxLines;
}

/** Lines as Rust's `str::lines` counts them: a final line break does not start another line. */
function lineCount(content: Uint8Array | string): number {
  let count = 0;
  if (typeof content === "string") {
    for (let at = content.indexOf("\n"); at !== -1; at = content.indexOf("\n", at + 1)) count++;
    return count + (content.length > 0 && !content.endsWith("\n") ? 1 : 0);
  }
  for (let at = content.indexOf(10); at !== -1; at = content.indexOf(10, at + 1)) count++;
  return count + (content.length > 0 && content[content.length - 1] !== 10 ? 1 : 0);
}
