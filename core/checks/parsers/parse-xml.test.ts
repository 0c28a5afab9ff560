import { describe, expect, it } from "vitest";
import { childElements, parseXml, textContent, XmlError } from "./parse-xml.ts";

describe("parseXml", () => {
  it("reads elements, attributes, entities, CDATA, and skips comments and the prolog", () => {
    const root = parseXml(`<?xml version="1.0"?>\n<!-- c --><a x="1 &lt; 2" y='&#x41;&#66;'><b/>t&amp;u<![CDATA[<raw & text>]]><!-- inner --></a>\n`);
    expect(root.name).toBe("a");
    expect(root.attributes).toEqual({ x: "1 < 2", y: "AB" });
    expect(childElements(root).map((child) => child.name)).toEqual(["b"]);
    expect(textContent(root)).toBe("t&u<raw & text>");
  });

  it.each([
    ["<a>", "element <a> is not closed"],
    ["<a><b></a>", "</a> closes <b>"],
    ['<a x="1>', "unterminated"],
    ["<a x=1/>", "expected a quoted value"],
    ['<a x="1" x="2"/>', "given twice"],
    ["<a>&nbsp;</a>", "unknown entity"],
    ["<a/><b/>", "content after the root element"],
    ["", "no root element"],
    ["<a><!-- open</a>", "unterminated comment"],
  ])("refuses %j", (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlError);
    expect(() => parseXml(text)).toThrow(message);
  });
});
