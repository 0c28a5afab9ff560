/** A file's text split into lines that remember their own line endings, so unchanged lines are written back byte for byte. */
export interface TextDocument {
  /** Whether the text started with a UTF-8 byte-order mark (kept on output, ignored when matching). */
  bom: boolean;
  /** Line contents without their terminators. */
  lines: string[];
  /** Each line's terminator: "\n", "\r\n", or "" for a last line without a final newline. */
  eols: string[];
  /** The terminator used for new lines: the file's most common one ("\n" when it has none). */
  eol: "\n" | "\r\n";
}

const BOM = "\uFEFF";

/** Splits text into a {@link TextDocument}; only "\n" ends a line (a lone "\r" stays part of the line). */
export function splitDocument(text: string): TextDocument {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const lines: string[] = [];
  const eols: string[] = [];
  let crlf = 0;
  let lf = 0;
  let start = 0;
  while (start < body.length) {
    const end = body.indexOf("\n", start);
    if (end === -1) {
      lines.push(body.slice(start));
      eols.push("");
      break;
    }
    if (end > start && body.charCodeAt(end - 1) === 13) {
      lines.push(body.slice(start, end - 1));
      eols.push("\r\n");
      crlf++;
    } else {
      lines.push(body.slice(start, end));
      eols.push("\n");
      lf++;
    }
    start = end + 1;
  }
  return { bom, lines, eols, eol: crlf > lf ? "\r\n" : "\n" };
}

/** Joins a {@link TextDocument} back into text, byte for byte what {@link splitDocument} read. */
export function joinDocument(document: TextDocument): string {
  let text = document.bom ? BOM : "";
  for (let i = 0; i < document.lines.length; i++) text += document.lines[i]! + document.eols[i]!;
  return text;
}

/** Whether the document's text ends with a line terminator (an empty document counts as ending with one). */
export function hasFinalNewline(document: TextDocument): boolean {
  const last = document.eols[document.eols.length - 1];
  return last === undefined || last !== "";
}
