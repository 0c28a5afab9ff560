/** Maps two line arrays to integer ids (equal lines, equal ids) so a diff compares numbers, not strings. */
export function internLines(a: readonly string[], b: readonly string[]): { a: Int32Array; b: Int32Array } {
  const ids = new Map<string, number>();
  const toIds = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, index) => {
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[index] = id;
    });
    return out;
  };
  return { a: toIds(a), b: toIds(b) };
}
