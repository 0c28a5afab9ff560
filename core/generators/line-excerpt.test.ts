import { describe, expect, it } from "vitest";
import { lineExcerpt } from "./line-excerpt.ts";
import { sampleTemperature } from "./sample-temperature.ts";

const file = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

describe("lineExcerpt", () => {
  it("shows a short file whole, its lines as they are (no numbers to copy)", () => {
    expect(lineExcerpt("a\n  b\n", [{ start: 2, end: 2 }], undefined, "ts")).toBe("The whole file (2 lines):\n```ts\na\n  b\n```");
  });

  it("shows the head and a window around each site in a long file, each under a heading with its line numbers", () => {
    const text = lineExcerpt(file(300), [{ start: 150, end: 151 }], { contextLines: 2, wholeFileLines: 100, headLines: 3 });
    expect(text.split("\n")).toEqual([
      "Lines 1-3 of 300:",
      "```",
      "line 1",
      "line 2",
      "line 3",
      "```",
      "Lines 148-153 of 300:",
      "```",
      "line 148",
      "line 149",
      "line 150",
      "line 151",
      "line 152",
      "line 153",
      "```",
    ]);
  });

  it("merges windows that overlap", () => {
    const text = lineExcerpt(file(300), [{ start: 50, end: 50 }, { start: 53, end: 53 }], { contextLines: 1, wholeFileLines: 10, headLines: 1 });
    expect(text).toContain("Lines 49-54 of 300:");
    expect(text.match(/^Lines /gm)).toHaveLength(2);
  });
});

describe("sampleTemperature", () => {
  it("spreads K samples evenly over the range", () => {
    expect([0, 1, 2, 3].map((i) => sampleTemperature(i, 4, [0.2, 0.8]))).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(sampleTemperature(0, 1, [0.2, 0.8])).toBe(0.2);
    expect(sampleTemperature(2, 4, [0.5])).toBe(0.5);
    expect(sampleTemperature(0, 4, [])).toBeUndefined();
  });
});
