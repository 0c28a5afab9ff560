/**
 * A small, strict XML reader for test reports (JUnit XML as node, Vitest and jest-junit write it):
 * elements, attributes, text, CDATA and character references; comments, processing instructions
 * and a DOCTYPE are skipped. No namespaces, no external entities (none are ever resolved). A
 * malformed or truncated document throws, so a cut-off report is never mistaken for a short one.
 */

/** An element with its attributes and children (elements and text runs). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** Why a document could not be read, with the character offset. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = "XmlError";
  }
}

const nameChars = /[A-Za-z0-9_:.-]/;
const namedEntities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Parses a whole document and returns its root element; throws XmlError when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (message: string, offset = at): never => {
    throw new XmlError(message, offset);
  };

  const skipMisc = (): void => {
    for (;;) {
      while (at < text.length && /\s/.test(text[at] ?? "")) at++;
      if (text.startsWith("<?", at)) at = endOf("?>", "processing instruction");
      else if (text.startsWith("<!--", at)) at = endOf("-->", "comment");
      else if (text.startsWith("<!DOCTYPE", at) || text.startsWith("<!doctype", at)) at = endOf(">", "DOCTYPE");
      else return;
    }
  };
  const endOf = (terminator: string, what: string): number => {
    const end = text.indexOf(terminator, at);
    if (end < 0) fail(`unterminated ${what}`);
    return end + terminator.length;
  };
  const readName = (): string => {
    const start = at;
    while (at < text.length && nameChars.test(text[at] ?? "")) at++;
    if (at === start) fail("expected a name");
    return text.slice(start, at);
  };
  const decode = (raw: string, offset: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, entity: string) => {
      if (!match.endsWith(";")) return fail("unterminated character reference", offset);
      if (entity in namedEntities) return namedEntities[entity] ?? "";
      const code = entity.startsWith("#x") ? Number.parseInt(entity.slice(2), 16) : entity.startsWith("#") ? Number.parseInt(entity.slice(1), 10) : Number.NaN;
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return fail(`unknown entity &${entity};`, offset);
      return String.fromCodePoint(code);
    });

  const readElement = (): XmlElement => {
    const open = at;
    if (text[at] !== "<") fail("expected an element");
    at++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      while (at < text.length && /\s/.test(text[at] ?? "")) at++;
      if (at >= text.length) fail(`unterminated start tag <${name}>`, open);
      if (text.startsWith("/>", at)) {
        at += 2;
        return { name, attributes, children: [] };
      }
      if (text[at] === ">") {
        at++;
        break;
      }
      if (at === before) fail(`expected whitespace before an attribute of <${name}>`);
      const key = readName();
      while (/\s/.test(text[at] ?? "")) at++;
      if (text[at] !== "=") fail(`expected = after attribute ${key}`);
      at++;
      while (/\s/.test(text[at] ?? "")) at++;
      const quote = text[at];
      if (quote !== '"' && quote !== "'") return fail(`expected a quoted value for attribute ${key}`);
      const end = text.indexOf(quote, at + 1);
      if (end < 0) fail(`unterminated value of attribute ${key}`);
      if (key in attributes) fail(`attribute ${key} given twice`);
      attributes[key] = decode(text.slice(at + 1, end), at);
      at = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (at >= text.length) fail(`element <${name}> is not closed (document truncated?)`, open);
      if (text.startsWith("</", at)) {
        at += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        while (/\s/.test(text[at] ?? "")) at++;
        if (text[at] !== ">") fail(`expected > after </${closing}`);
        at++;
        return { name, attributes, children };
      }
      if (text.startsWith("<!--", at)) at = endOf("-->", "comment");
      else if (text.startsWith("<![CDATA[", at)) {
        const end = endOf("]]>", "CDATA section");
        children.push(text.slice(at + 9, end - 3));
        at = end;
      } else if (text.startsWith("<?", at)) at = endOf("?>", "processing instruction");
      else if (text[at] === "<") children.push(readElement());
      else {
        const start = at;
        const next = text.indexOf("<", at);
        at = next < 0 ? text.length : next;
        children.push(decode(text.slice(start, at), start));
      }
    }
  };

  skipMisc();
  if (at >= text.length) fail("no root element");
  const root = readElement();
  skipMisc();
  if (at < text.length) fail("content after the root element");
  return root;
}

/** The element children of an element named `name` (all element children when omitted). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (name === undefined || child.name === name));
}

/** The concatenated text of an element and its descendants. */
export function textContent(element: XmlElement): string {
  return element.children.map((child) => (typeof child === "string" ? child : textContent(child))).join("");
}
