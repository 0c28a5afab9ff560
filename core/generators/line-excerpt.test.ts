import { describe, expect, it } from "vitest";
import { lineExcerpt } from "./line-excerpt.ts";
import { sampleTemperature } from "./sample-temperature.ts";

const file = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n") + "\n";

describe("lineExcerpt", () => {
  it("shows a short file whole with aligned line numbers", () => {
    expect(lineExcerpt("a\nb\n", [{ start: 2, end: 2 }])).toBe("1 | a\n2 | b");
  });

  it("shows the head and a window around each site in a long file, marking the gaps", () => {
    const text = lineExcerpt(file(300), [{ start: 150, end: 151 }], { contextLines: 2, wholeFileLines: 100, headLines: 3 });
    expect(text.split("\n")).toEqual([
      "  1 | line 1",
      "  2 | line 2",
      "  3 | line 3",
      "    | … lines 4-147 not shown",
      "148 | line 148",
      "149 | line 149",
      "150 | line 150",
      "151 | line 151",
      "152 | line 152",
      "153 | line 153",
      "    | … lines 154-300 not shown",
    ]);
  });

  it("merges windows that overlap", () => {
    const text = lineExcerpt(file(300), [{ start: 50, end: 50 }, { start: 53, end: 53 }], { contextLines: 1, wholeFileLines: 10, headLines: 1 });
    expect(text).toContain("49 | line 49");
    expect(text).toContain("54 | line 54");
    expect(text.match(/not shown/g)).toHaveLength(2);
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
