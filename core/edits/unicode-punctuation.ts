/**
 * Unicode punctuation that models (and word processors) put where code has ASCII: curly quotes,
 * dashes, odd spaces, the ellipsis character. Mapped to ASCII only for matching; the file's own
 * characters are what gets written back.
 */
const asciiOf: ReadonlyMap<string, string> = new Map([
  ...[..."\u2018\u2019\u201A\u201B\u2032"].map((c) => [c, "'"] as const),
  ...[..."\u201C\u201D\u201E\u201F\u2033"].map((c) => [c, '"'] as const),
  ...[..."\u2010\u2011\u2012\u2013\u2014\u2015\u2212"].map((c) => [c, "-"] as const),
  ...[..."\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000"].map(
    (c) => [c, " "] as const,
  ),
  ...[..."\u200B\u200C\u200D\u2060\uFEFF"].map((c) => [c, ""] as const),
  ["\u2026", "..."],
]);

const pattern = new RegExp(`[${[...asciiOf.keys()].join("")}]`, "gu");

/** Replaces Unicode look-alike punctuation with its ASCII form. */
export function toAsciiPunctuation(text: string): string {
  return text.replace(pattern, (c) => asciiOf.get(c) ?? c);
}

/** The ASCII form of one look-alike character, or undefined when the character is not one. */
export function asciiPunctuationOf(char: string): string | undefined {
  return asciiOf.get(char);
}

/** Whether the text contains any Unicode look-alike punctuation. */
export function hasUnicodePunctuation(text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
