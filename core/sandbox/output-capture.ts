/** Keeps a capped copy of one output stream: the first and the last bytes, dropping the middle. */
import type { CapturedOutput } from "./exec-result.ts";

/** Collects bytes up to `maxBytes` (half head, half tail); memory stays bounded however much is written. */
export class OutputCapture {
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;

  constructor(maxBytes: number) {
    this.headLimit = Math.ceil(Math.max(0, maxBytes) / 2);
    this.tailLimit = Math.floor(Math.max(0, maxBytes) / 2);
  }

  /** Adds a chunk. */
  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headBytes < this.headLimit) {
      const take = Math.min(this.headLimit - this.headBytes, rest.length);
      this.head.push(Buffer.from(rest.subarray(0, take)));
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0 || this.tailLimit === 0) return;
    this.tail.push(rest.length > this.tailLimit ? Buffer.from(rest.subarray(rest.length - this.tailLimit)) : Buffer.from(rest));
    this.tailBytes += Math.min(rest.length, this.tailLimit);
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= this.tailLimit) {
      this.tailBytes -= this.tail.shift()?.length ?? 0;
    }
  }

  /** Bytes seen so far. */
  get totalBytes(): number {
    return this.total;
  }

  /** The kept text; a marker line says how many bytes were dropped. */
  result(): CapturedOutput {
    const head = Buffer.concat(this.head);
    let tail = Buffer.concat(this.tail);
    if (tail.length > this.tailLimit) tail = tail.subarray(tail.length - this.tailLimit);
    const dropped = this.total - head.length - tail.length;
    if (dropped <= 0) return { text: Buffer.concat([head, tail]).toString("utf8"), truncated: false, totalBytes: this.total };
    const marker = `\n[… forklift: ${dropped} bytes of output dropped …]\n`;
    return { text: head.toString("utf8") + marker + tail.toString("utf8"), truncated: true, totalBytes: this.total };
  }
}
