/**
 * Lines that stand for code instead of being code: `...`, `// ... existing code ...`,
 * `# rest of the function`. In SEARCH and REPLACE together they mark an elision; alone in
 * REPLACE they would delete the code they stand for.
 */

const commentOpen = /^(?:\/\/+|#+|--|;+|%+|\/\*+|<!--|\{\/\*+|\*+)\s*/;
const commentClose = /\s*(?:\*+\/\}?|-->)$/;
const ellipsis = String.raw`(?:\.{3}|…)`;
const bare = new RegExp(`^${ellipsis}+$`);
const leading = new RegExp(`^${ellipsis}\\s*\\S`);
/** `...options,` in a doc comment's example is a spread, not elided code (unless the word is a placeholder's). */
const spread = /^\.{3}[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*[,;)\]}]*$/;
const placeholderWord = /^\.{3}(?:existing|rest|remaining|unchanged|other|more|omitted|same|previous|code|etc)\b/i;
const phraseWithEllipsis = new RegExp(
  String.raw`\b(?:existing|rest|remaining|unchanged|other|more|omitted|same|previous)\b.*${ellipsis}`,
  "i",
);
// Whole-comment patterns only: a real comment that merely mentions "the existing file" must not match.
const subject = String.raw`(?:code|file|function|method|class|implementation|component|module|body|logic|content|methods|functions|lines|imports|properties|fields|cases)`;
const state = String.raw`(?:\s+(?:is\s+|are\s+|stays?\s+|remains?\s+)?(?:unchanged|the same|as before|omitted|here))?`;
const phrases = [
  new RegExp(String.raw`^(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+)?${subject}${state}$`, "i"),
  new RegExp(String.raw`^(?:keep\s+)?(?:the\s+)?(?:existing|previous|other|remaining|unchanged)\s+${subject}${state}$`, "i"),
  new RegExp(String.raw`^(?:${subject}|everything else)\s+(?:unchanged|omitted|stays the same|remains the same|as before)$`, "i"),
  /^same as (?:before|above)$/i,
];

/** A line marking elided code: a bare `...`, or a comment that starts with `...` or pairs a placeholder word with `...`. */
export function isElisionMarker(line: string): boolean {
  const text = line.trim();
  if (bare.test(text)) return true;
  const comment = commentText(text);
  if (comment === undefined) return false;
  const spreadOnly = spread.test(comment) && !placeholderWord.test(comment);
  return bare.test(comment) || (leading.test(comment) && !spreadOnly) || phraseWithEllipsis.test(comment);
}

/** A line that only stands for code: an elision marker, or a comment such as `// rest of the code unchanged`. */
export function isPlaceholderLine(line: string): boolean {
  if (isElisionMarker(line)) return true;
  const comment = commentText(line.trim())?.replace(new RegExp(`^${ellipsis}\\s*|\\s*${ellipsis}$|[.:;!]+$`, "g"), "").trim();
  if (comment === undefined || comment.length > 80) return false;
  return phrases.some((phrase) => phrase.test(comment));
}

/** The text of a line that is only a comment, without its markers; undefined for code. */
function commentText(text: string): string | undefined {
  if (!commentOpen.test(text)) return undefined;
  return text.replace(commentOpen, "").replace(commentClose, "").trim();
}
