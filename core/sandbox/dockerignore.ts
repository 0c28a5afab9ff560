/**
 * `.dockerignore` as Docker reads it (moby's patternmatcher): one pattern per line, `#` comments,
 * a leading `/` ignored, `!` re-includes; `*` and `?` stay within one path segment, `**` spans
 * any number of them; a pattern that matches a directory excludes everything below it; the last
 * pattern that matches a path decides.
 */

/** One compiled line of a `.dockerignore`. */
interface IgnorePattern {
  readonly regex: RegExp;
  /** A `!` line: a match re-includes. */
  readonly exception: boolean;
}

/** The compiled patterns of a `.dockerignore`, answering for context-relative POSIX paths. */
export interface DockerIgnore {
  /** True when the path (a file or a directory) is left out of the build context. */
  excludes(path: string): boolean;
  /** True when some `!` line could re-include something below an excluded directory (it must then be walked). */
  readonly hasExceptions: boolean;
}

/** Parses the text of a `.dockerignore` (empty text: nothing is excluded). */
export function parseDockerIgnore(text: string): DockerIgnore {
  const patterns: IgnorePattern[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const exception = line.startsWith("!");
    if (exception) line = line.slice(1).trim();
    const cleaned = cleanPattern(line);
    if (cleaned === "") continue;
    patterns.push({ regex: globToRegex(cleaned), exception });
  }
  const hasExceptions = patterns.some((pattern) => pattern.exception);
  return {
    hasExceptions,
    excludes(path: string): boolean {
      const parents = parentPaths(path);
      let excluded = false;
      for (const pattern of patterns) {
        // an exclusion only matters while the path is in, an exception only while it is out
        if (pattern.exception !== excluded) continue;
        const match = pattern.regex.test(path) || parents.some((parent) => pattern.regex.test(parent));
        if (match) excluded = !pattern.exception;
      }
      return excluded;
    },
  };
}

/** Like Go's filepath.Clean on a slash path, without the leading `/` Docker drops. */
function cleanPattern(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** Every ancestor directory of a path, shortest first (`a/b/c` → `a`, `a/b`). */
function parentPaths(path: string): string[] {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join("/"));
}

/** The anchored regular expression of one Docker pattern. */
function globToRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          out += "(?:.*/)?"; // `**/`: zero or more whole segments
        } else out += ".*";
      } else out += "[^/]*";
    } else if (char === "?") out += "[^/]";
    else if (char === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        const body = pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${body}]`;
        i = end;
      }
    } else if (char === "\\" && i + 1 < pattern.length) {
      i++;
      out += escapeRegex(pattern[i]!);
    } else out += escapeRegex(char);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegex(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
