import { describe, expect, it } from "vitest";
import { MarkerFilter } from "./marker-filter.ts";

function run(chunks: string[]): { output: string; markers: string[] } {
  let output = "";
  const markers: string[] = [];
  const filter = new MarkerFilter("n0nce", (bytes) => (output += bytes.toString()), (text) => markers.push(text));
  for (const chunk of chunks) filter.push(Buffer.from(chunk));
  filter.flush();
  return { output, markers };
}

describe("MarkerFilter", () => {
  it("passes plain output through", () => {
    expect(run(["a\n", "b"])).toEqual({ output: "a\nb", markers: [] });
  });

  it("extracts markers in the middle of output", () => {
    expect(run(["err1\u001en0nce pgid=12\nerr2\n"])).toEqual({ output: "err1err2\n", markers: ["pgid=12"] });
  });

  it("extracts markers split across chunks at every position", () => {
    const text = "x\u001en0nce end rc=3 oom=0 pids=0\ny";
    for (let cut = 0; cut <= text.length; cut++) {
      expect(run([text.slice(0, cut), text.slice(cut)])).toEqual({ output: "xy", markers: ["end rc=3 oom=0 pids=0"] });
    }
  });

  it("leaves markers with another nonce alone", () => {
    expect(run(["\u001eother pgid=1\n"]).markers).toEqual([]);
  });

  it("flushes an unfinished marker as output", () => {
    expect(run(["a\u001en0nce pgi"])).toEqual({ output: "a\u001en0nce pgi", markers: [] });
  });
});
