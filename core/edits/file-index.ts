import { isBlank, lineKey } from "./line-keys.ts";
import type { Comparator } from "./line-keys.ts";
import type { TextDocument } from "./text-document.ts";

/**
 * A file's lines with their comparison keys, computed once per comparator and shared by every
 * block that edits the file, plus a key → line-numbers index so candidates are found without a
 * full scan.
 */
export class FileIndex {
  private readonly keyCache = new Map<Comparator, string[]>();
  private readonly positionCache = new Map<Comparator, Map<string, number[]>>();
  private nonBlankCache: number[] | undefined;
  private ordinalCache: Int32Array | undefined;

  constructor(readonly document: TextDocument) {}

  /** The file's lines (without terminators). */
  get lines(): readonly string[] {
    return this.document.lines;
  }

  /** Every line's key under a comparator. */
  keys(comparator: Comparator): readonly string[] {
    let keys = this.keyCache.get(comparator);
    if (!keys) {
      keys = this.document.lines.map((line) => lineKey(line, comparator));
      this.keyCache.set(comparator, keys);
    }
    return keys;
  }

  /** The 0-based numbers of the lines whose key under `comparator` is `key`, ascending. */
  positions(comparator: Comparator, key: string): readonly number[] {
    let index = this.positionCache.get(comparator);
    if (!index) {
      index = new Map();
      const keys = this.keys(comparator);
      for (let i = 0; i < keys.length; i++) {
        const list = index.get(keys[i]!);
        if (list) list.push(i);
        else index.set(keys[i]!, [i]);
      }
      this.positionCache.set(comparator, index);
    }
    return index.get(key) ?? [];
  }

  /** The 0-based numbers of the non-blank lines, ascending. */
  nonBlankLines(): readonly number[] {
    if (!this.nonBlankCache) {
      this.nonBlankCache = [];
      for (let i = 0; i < this.document.lines.length; i++) {
        if (!isBlank(this.document.lines[i]!)) this.nonBlankCache.push(i);
      }
    }
    return this.nonBlankCache;
  }

  /** For each line, its position among the non-blank lines (-1 for a blank line). */
  nonBlankOrdinals(): Int32Array {
    if (!this.ordinalCache) {
      this.ordinalCache = new Int32Array(this.document.lines.length).fill(-1);
      this.nonBlankLines().forEach((line, ordinal) => (this.ordinalCache![line] = ordinal));
    }
    return this.ordinalCache;
  }
}
