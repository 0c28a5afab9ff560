import { ForkliftError } from "../../shared/errors.ts";
import { decodeBinaryLiteral } from "./binary-literal.ts";
import type { FilePatch, Hunk, ParsedPatch } from "./patch-types.ts";
import { unquotePath } from "./quote-path.ts";

/**
 * Reads a unified diff: git's format (`diff --git`, extended headers, hunks, `GIT binary patch`
 * literals) or a plain one (`---`/`+++` then hunks). Text before the first file is the header.
 * Malformed input is refused with a one-line error naming the patch line.
 */
export function parsePatch(text: string): ParsedPatch {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const reader = new LineReader(lines);
  let headerEnd = 0;
  while (headerEnd < lines.length && !startsFile(lines, headerEnd)) headerEnd++;
  const header = lines.slice(0, headerEnd).join("\n").replace(/\n+$/, "");
  reader.index = headerEnd;
  const files: FilePatch[] = [];
  while (!reader.done()) {
    if (!startsFile(lines, reader.index)) {
      reader.index++;
      continue;
    }
    files.push(parseFile(reader));
  }
  return { header, files };
}

class LineReader {
  index = 0;
  constructor(readonly lines: readonly string[]) {}
  done(): boolean {
    return this.index >= this.lines.length;
  }
  peek(): string | undefined {
    return this.lines[this.index];
  }
  next(): string {
    return this.lines[this.index++] ?? "";
  }
  fail(message: string): never {
    throw new ForkliftError("invalid-input", `patch line ${this.index + 1}: ${message}`);
  }
}

function startsFile(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (line.startsWith("diff --git ")) return true;
  return line.startsWith("--- ") && (lines[index + 1]?.startsWith("+++ ") ?? false) && (lines[index + 2]?.startsWith("@@ ") ?? false);
}

function parseFile(reader: LineReader): FilePatch {
  const first = reader.peek()!;
  let oldPath: string | undefined;
  let newPath: string | undefined;
  let status: FilePatch["status"] = "modified";
  let similarity: number | undefined;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  let binary: FilePatch["binary"];
  if (first.startsWith("diff --git ")) {
    reader.next();
    const names = gitHeaderNames(first.slice("diff --git ".length));
    oldPath = names?.[0];
    newPath = names?.[1];
    for (let line = reader.peek(); line !== undefined; line = reader.peek()) {
      if (line.startsWith("new file mode ")) status = "added";
      else if (line.startsWith("deleted file mode ")) status = "deleted";
      else if (line.startsWith("similarity index ")) similarity = parseInt(line.slice("similarity index ".length), 10);
      else if (line.startsWith("rename from ")) renameFrom = pathField(line.slice("rename from ".length), reader);
      else if (line.startsWith("rename to ")) renameTo = pathField(line.slice("rename to ".length), reader);
      else if (line.startsWith("copy from ") || line.startsWith("copy to ")) reader.fail("copy patches are not supported");
      else if (!/^(old mode |new mode |index |dissimilarity index )/.test(line)) break;
      reader.next();
    }
    if (renameFrom !== undefined || renameTo !== undefined) {
      status = "renamed";
      oldPath = renameFrom ?? oldPath;
      newPath = renameTo ?? newPath;
    }
  }
  const line = reader.peek();
  if (line?.startsWith("Binary files ")) reader.fail(`binary file without data (${line}); create it with git diff --binary`);
  if (line === "GIT binary patch") {
    reader.next();
    binary = { content: readBinaryLiteral(reader, newPath ?? oldPath ?? "?") };
    // The reverse literal (and anything else up to the next file) is not needed to apply forward.
    while (!reader.done() && !startsFile(reader.lines, reader.index)) reader.next();
  } else if (line?.startsWith("--- ")) {
    const from = reader.next().slice(4);
    const toLine = reader.next();
    if (!toLine.startsWith("+++ ")) reader.fail("expected a +++ line after ---");
    const fromName = fileName(from, reader);
    const toName = fileName(toLine.slice(4), reader);
    if (fromName === undefined) status = "added";
    else oldPath = fromName;
    if (toName === undefined) status = "deleted";
    else newPath = toName;
  }
  if (status === "added") oldPath = undefined;
  if (status === "deleted") newPath = undefined;
  if ((status !== "added" && oldPath === undefined) || (status !== "deleted" && newPath === undefined)) {
    reader.fail(`cannot tell the file names from ${JSON.stringify(first)}`);
  }
  const hunks: Hunk[] = [];
  while (reader.peek()?.startsWith("@@ ")) hunks.push(parseHunk(reader));
  return { status, oldPath, newPath, similarity, hunks, binary };
}

function readBinaryLiteral(reader: LineReader, path: string): Uint8Array {
  const head = reader.next();
  const match = /^literal (\d+)$/.exec(head);
  if (!match) reader.fail(head.startsWith("delta ") ? "binary delta patches are not supported" : "expected 'literal <size>'");
  const data: string[] = [];
  while (!reader.done() && reader.peek() !== "") data.push(reader.next());
  return decodeBinaryLiteral(data, Number(match[1]), path);
}

/** The two names of a `diff --git` line: quoted, or bare (then both halves must be equal, as git requires). */
function gitHeaderNames(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const first = unquotePath(rest);
    if (!first) return undefined;
    const second = rest.slice(first.end + 1);
    const secondName = second.startsWith('"') ? unquotePath(second)?.path : second;
    return secondName === undefined ? undefined : [stripPrefix(first.path), stripPrefix(secondName)];
  }
  const quoteAt = rest.indexOf(' "');
  if (quoteAt !== -1) {
    const second = unquotePath(rest, quoteAt + 1);
    if (second) return [stripPrefix(rest.slice(0, quoteAt)), stripPrefix(second.path)];
  }
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (rest[half] === " " && stripPrefix(a) === stripPrefix(b)) return [stripPrefix(a), stripPrefix(b)];
  }
  return undefined;
}

/** A `---`/`+++` name: /dev/null → undefined; a tab ends a bare name (git adds one after names with spaces). */
function fileName(field: string, reader: LineReader): string | undefined {
  if (field.startsWith('"')) {
    const quoted = unquotePath(field);
    if (!quoted) reader.fail("bad quoted file name");
    return stripPrefix(quoted.path);
  }
  const name = field.split("\t")[0]!;
  return name === "/dev/null" ? undefined : stripPrefix(name);
}

function pathField(field: string, reader: LineReader): string {
  if (!field.startsWith('"')) return field;
  const quoted = unquotePath(field);
  if (!quoted) reader.fail("bad quoted file name");
  return quoted.path;
}

function stripPrefix(name: string): string {
  return name.startsWith("a/") || name.startsWith("b/") ? name.slice(2) : name;
}

function parseHunk(reader: LineReader): Hunk {
  const head = reader.next();
  const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(head);
  if (!match) reader.fail(`bad hunk header ${JSON.stringify(head)}`);
  const hunk: Hunk = {
    oldStart: Number(match[1]),
    oldCount: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newCount: match[4] === undefined ? 1 : Number(match[4]),
    lines: [],
  };
  let oldLeft = hunk.oldCount;
  let newLeft = hunk.newCount;
  while (oldLeft > 0 || newLeft > 0) {
    if (reader.done()) reader.fail("patch ends inside a hunk");
    const line = reader.next();
    // An empty line is an empty context line whose leading space was stripped (by an editor or mailer).
    const marker = line === "" ? " " : line[0];
    const text = `${line.slice(1)}\n`;
    if (marker === " " && oldLeft > 0 && newLeft > 0) {
      hunk.lines.push({ kind: "context", text });
      oldLeft--;
      newLeft--;
    } else if (marker === "-" && oldLeft > 0) {
      hunk.lines.push({ kind: "remove", text });
      oldLeft--;
    } else if (marker === "+" && newLeft > 0) {
      hunk.lines.push({ kind: "add", text });
      newLeft--;
    } else if (marker === "\\" && hunk.lines.length > 0) {
      stripNewline(hunk);
    } else {
      reader.index--;
      reader.fail(`hunk ${JSON.stringify(head)} has the wrong number of lines`);
    }
  }
  if (reader.peek()?.startsWith("\\")) {
    reader.next();
    stripNewline(hunk);
  }
  return hunk;
}

/** `\ No newline at end of file`: the line before it has no terminator. */
function stripNewline(hunk: Hunk): void {
  const last = hunk.lines[hunk.lines.length - 1]!;
  last.text = last.text.slice(0, -1);
}
