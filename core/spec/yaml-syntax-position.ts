import { CST, Parser } from "yaml";
import type { YAMLError } from "yaml";

/** Where a YAML syntax error should be shown, as an offset into the source, and a message to go with it. */
export interface SyntaxErrorPlace {
  offset: number;
  message: string;
}

/**
 * Places a YAML syntax error where the author must look. The parser notices an unclosed quote or
 * flow collection (`{`, `[`) only where the document ends or the next key starts, often many lines
 * later; the place to fix is where it was opened, so that is where the error points.
 */
export function placeSyntaxError(source: string, error: YAMLError): SyntaxErrorPlace {
  const message = error.message.split("\n")[0] ?? error.message;
  const at = error.pos[0];
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const opened = lastToken(source, at, (token) => token.type === (quote[1] === '"' ? "double-quoted-scalar" : "single-quoted-scalar") && !closed(token.source, quote[1]!));
    if (opened !== undefined) return { offset: opened, message: `${message}: the string opened here is never closed` };
  }
  const flow = /^Flow (map|sequence) in block collection/.exec(message);
  if (flow) {
    const closer = flow[1] === "map" ? "}" : "]";
    const opener = flow[1] === "map" ? "{" : "[";
    const opened = lastToken(source, at, (token) => token.type === "flow-collection" && token.start === opener && !token.end.some((end) => end.source === closer));
    if (opened !== undefined) return { offset: opened, message: `the ${opener} opened here is never closed with ${closer}` };
  }
  return { offset: at, message };
}

/** The fields of a CST token this file reads. */
interface TokenView {
  type: string;
  offset: number;
  source: string;
  /** A flow collection's opening character. */
  start: string;
  end: readonly { source: string }[];
}

/** The offset of the last token starting before `limit` that `wanted` accepts. */
function lastToken(source: string, limit: number, wanted: (token: TokenView) => boolean): number | undefined {
  let found: number | undefined;
  const consider = (token: CST.Token | null | undefined) => {
    if (!token || !("offset" in token)) return;
    const view: TokenView = { type: token.type, offset: token.offset, source: "source" in token ? token.source : "", start: "start" in token && !Array.isArray(token.start) ? token.start.source : "", end: "end" in token && Array.isArray(token.end) ? token.end : [] };
    if (view.offset < limit && wanted(view) && (found === undefined || view.offset > found)) found = view.offset;
  };
  try {
    for (const document of new Parser().parse(source)) {
      if (document.type !== "document") continue;
      consider(document.value);
      CST.visit(document, (item) => {
        consider(item.key);
        consider(item.value);
      });
    }
  } catch {
    return undefined; // the error's own position is shown instead
  }
  return found;
}

function closed(text: string, quote: string): boolean {
  if (text.length < 2 || !text.endsWith(quote)) return false;
  if (quote === "'") return text.split("'").length % 2 === 1; // '' inside is an escaped quote: a closed scalar holds an even count
  let backslashes = 0;
  for (let i = text.length - 2; i > 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}
