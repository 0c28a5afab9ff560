import { describe, expect, it } from "vitest";
import { OutputCapture } from "./output-capture.ts";

describe("OutputCapture", () => {
  it("keeps everything under the cap", () => {
    const capture = new OutputCapture(100);
    capture.push(Buffer.from("hello "));
    capture.push(Buffer.from("world"));
    expect(capture.result()).toEqual({ text: "hello world", truncated: false, totalBytes: 11 });
  });

  it("keeps head and tail and marks what it dropped", () => {
    const capture = new OutputCapture(10);
    for (const chunk of ["01234", "56789", "abcde", "fghij", "KLMNO"]) capture.push(Buffer.from(chunk));
    const result = capture.result();
    expect(result.truncated).toBe(true);
    expect(result.totalBytes).toBe(25);
    expect(result.text.startsWith("01234\n")).toBe(true);
    expect(result.text.endsWith("\nKLMNO")).toBe(true);
    expect(result.text).toContain("15 bytes of output dropped");
  });

  it("bounds memory with many small chunks", () => {
    const capture = new OutputCapture(8);
    for (let i = 0; i < 10_000; i++) capture.push(Buffer.from(String(i % 10)));
    const result = capture.result();
    expect(result.text.startsWith("0123\n")).toBe(true);
    expect(result.text.endsWith("\n6789")).toBe(true);
    expect(result.totalBytes).toBe(10_000);
  });

  it("handles one chunk larger than the cap", () => {
    const capture = new OutputCapture(4);
    capture.push(Buffer.from("abcdefghij"));
    const result = capture.result();
    expect(result.text).toBe("ab\n[… forklift: 6 bytes of output dropped …]\nij");
  });
});
