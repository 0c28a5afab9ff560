/**
 * Git's C-style path quoting (quote.c, `core.quotePath` on): a name with a double quote, a
 * backslash, a control character or a non-ASCII byte is written in double quotes with escapes,
 * non-ASCII as octal bytes of its UTF-8. Everything else, spaces included, stays bare.
 */
const escapes: Record<number, string> = { 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 34: '"', 92: "\\" };

/** Quotes a path (with its `a/` or `b/` prefix) the way git writes it in patch headers. */
export function quotePath(path: string): string {
  const bytes = Buffer.from(path, "utf8");
  if (!bytes.some(needsQuote)) return path;
  let out = '"';
  for (const byte of bytes) {
    const escape = escapes[byte];
    if (escape !== undefined) out += `\\${escape}`;
    else if (needsQuote(byte)) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

/** Reads a quoted path back (input starts with `"`); returns the path and the index after the closing quote. */
export function unquotePath(text: string, start = 0): { path: string; end: number } | undefined {
  if (text[start] !== '"') return undefined;
  const bytes: number[] = [];
  const reverse = new Map(Object.entries(escapes).map(([code, letter]) => [letter, Number(code)]));
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') return { path: Buffer.from(bytes).toString("utf8"), end: index + 1 };
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      index++;
      continue;
    }
    const next = text[index + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(text.slice(index + 1, index + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 4;
    } else if (reverse.has(next)) {
      bytes.push(reverse.get(next)!);
      index += 2;
    } else return undefined;
  }
  return undefined;
}

function needsQuote(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}
