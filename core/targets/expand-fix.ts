import { replaceMetavariables } from "./metavariables.ts";

/** A metavariable's value for a fix: its (possibly already rewritten) text, where it was, and whether it may be re-indented. */
export interface FixValue {
  text: string;
  /** The indentation of the source line the value starts on. */
  indent: string;
  /** False when the value holds text whose whitespace is content (a multi-line template string): it is then kept as it is. */
  movable: boolean;
}

/** Where a fix goes: the indentation of the matched node's first line and the file's line ending. */
export interface FixPlace {
  indent: string;
  eol: string;
}

/**
 * Expands a fix template so that the result sits in the source like hand-written code, while the
 * captured code stays as it was written:
 * 1. a metavariable's text is inserted byte for byte, unless the template moves it to another
 *    indentation (a wrapper adds a level): then its lines are shifted by the difference, never
 *    a line of a multi-line template string (`movable` false keeps the value as it is);
 * 2. the template's own lines after the first get the matched node's indentation;
 * 3. the template's own line breaks use the file's line ending (CRLF files stay CRLF).
 * Empty lines get no indentation. One trailing newline of the template (YAML `fix: |`) is dropped.
 * Unknown metavariables expand to nothing.
 */
export function expandFix(template: string, value: (name: string) => FixValue | undefined, place: FixPlace): string {
  const lines = template.replace(/\r?\n$/, "").split(/\r?\n/);
  return lines
    .map((line, index) => {
      const destination = place.indent + leadingWhitespace(line);
      const expanded = replaceMetavariables(line, (name) => {
        const found = value(name);
        if (found === undefined) return "";
        return found.movable ? shift(found.text, found.indent, destination) : found.text;
      });
      return index === 0 || line === "" ? expanded : place.indent + expanded;
    })
    .join(place.eol);
}

/** The whitespace a line starts with. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The indentation of the source line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  return leadingWhitespace(source.slice(source.lastIndexOf("\n", offset - 1) + 1, offset));
}

/** Moves the lines after the first that start with `from` to start with `to` instead; the text is unchanged when they are equal. */
function shift(text: string, from: string, to: string): string {
  if (from === to || !text.includes("\n")) return text;
  const [first, ...rest] = text.split("\n");
  const moved = rest.map((line) => (line.trim() !== "" && line.startsWith(from) ? to + line.slice(from.length) : line));
  return [first, ...moved].join("\n");
}
