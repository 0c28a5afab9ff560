import { normalizeLine } from "../line-keys.ts";
import { editDistance } from "../similarity.ts";

/** At most this many characters differ in a typo. */
const maxTypoEdits = 2;
/** Lines longer than this are not compared character by character. */
const maxLineLength = 500;

const tokenPattern = /[A-Za-z0-9_$]+|[^\sA-Za-z0-9_$]/g;
const wordPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function tokensOf(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/**
 * Whether a SEARCH line differs from its file line only by a typo: one or two characters,
 * inside words (an identifier misspelled, never a number, an operator or a quote changed).
 * With `replace` (the block's new lines), the typo must also be confirmed by them: they spell
 * the file's word and not SEARCH's, so the difference is the model's slip in copying, not a
 * change the file made since it was read (which REPLACE, written from the old line, would undo).
 */
export function isConfirmedTypo(searchLine: string, fileLine: string, replace: readonly string[] | undefined): boolean {
  const s = normalizeLine(searchLine);
  const f = normalizeLine(fileLine);
  if (s === f) return true;
  const longer = Math.max(s.length, f.length);
  if (longer > maxLineLength || longer < 8 || Math.abs(s.length - f.length) > maxTypoEdits) return false;
  const ts = tokensOf(s);
  const tf = tokensOf(f);
  if (ts.length !== tf.length) return false;
  const differing: number[] = [];
  for (let k = 0; k < ts.length; k++) {
    if (ts[k] === tf[k]) continue;
    if (differing.push(k) > maxTypoEdits) return false;
  }
  if (differing.length === 0) return false;
  let edits = 0;
  for (const k of differing) {
    const a = ts[k]!;
    const b = tf[k]!;
    if (!wordPattern.test(a) || !wordPattern.test(b) || Math.max(a.length, b.length) < 4) return false;
    edits += editDistance(a, b);
    if (edits > maxTypoEdits) return false;
  }
  if (replace === undefined) return true;
  const words = new Set(replace.flatMap((line) => tokensOf(line)));
  return differing.every((k) => words.has(tf[k]!) && !words.has(ts[k]!));
}
