import { describe, expect, it } from "vitest";
import { StreamDemuxer } from "./stream-demux.ts";

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe("StreamDemuxer", () => {
  it("splits frames across arbitrary chunk boundaries", () => {
    const raw = Buffer.concat([frame(1, "out1"), frame(2, "err"), frame(1, ""), frame(1, "out2")]);
    for (let cut = 0; cut <= raw.length; cut++) {
      const seen: string[] = [];
      const demux = new StreamDemuxer((stream, payload) => seen.push(`${stream}:${payload.toString()}`));
      demux.push(raw.subarray(0, cut));
      demux.push(raw.subarray(cut));
      expect(seen.filter((s) => !s.endsWith(":"))).toEqual(["stdout:out1", "stderr:err", "stdout:out2"]);
    }
  });
});
