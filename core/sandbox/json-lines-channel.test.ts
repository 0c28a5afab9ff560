import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { openJsonLinesChannel } from "./json-lines-channel.ts";

describe("openJsonLinesChannel", () => {
  it("sends lines and yields parsed messages across chunk boundaries", async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const channel = openJsonLinesChannel<{ q: number }, { a: number }>({ stdin, stdout });
    const sent: string[] = [];
    stdin.on("data", (chunk: Buffer) => sent.push(chunk.toString()));
    await channel.send({ q: 1 });
    stdout.write('{"a":');
    stdout.write('1}\n\n{"a":2}\n');
    stdout.end();
    const received = [];
    for await (const message of channel.messages) received.push(message);
    expect(sent.join("")).toBe('{"q":1}\n');
    expect(received).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("throws on a line that is not JSON", async () => {
    const stdout = new PassThrough();
    const channel = openJsonLinesChannel({ stdin: new PassThrough(), stdout });
    stdout.end("oops\n");
    await expect(async () => {
      for await (const _ of channel.messages) void _;
    }).rejects.toThrow(/not a JSON line/);
  });
});
