/** Separates the exec wrapper's marker lines from a command's stderr, across arbitrary chunk boundaries. */
import { markerLead } from "./exec-wrapper.ts";

/** Feeds stderr chunks through; passes the command's own bytes on and hands marker lines (without prefix) to `onMarker`. */
export class MarkerFilter {
  private readonly prefix: Buffer;
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    nonce: string,
    private readonly onOutput: (chunk: Buffer) => void,
    private readonly onMarker: (text: string) => void,
  ) {
    this.prefix = Buffer.from(`${markerLead}${nonce} `);
  }

  /** Processes one chunk. */
  push(chunk: Buffer): void {
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    for (;;) {
      const start = buffer.indexOf(this.prefix);
      if (start === -1) {
        const keep = this.partialPrefixLength(buffer);
        this.emit(buffer.subarray(0, buffer.length - keep));
        this.pending = Buffer.from(buffer.subarray(buffer.length - keep));
        return;
      }
      this.emit(buffer.subarray(0, start));
      const end = buffer.indexOf(0x0a, start + this.prefix.length);
      if (end === -1) {
        this.pending = Buffer.from(buffer.subarray(start));
        return;
      }
      this.onMarker(buffer.subarray(start + this.prefix.length, end).toString("utf8"));
      buffer = buffer.subarray(end + 1);
    }
  }

  /** Passes on whatever is held back (an unfinished marker is the command's output after all). */
  flush(): void {
    this.emit(this.pending);
    this.pending = Buffer.alloc(0);
  }

  private emit(bytes: Buffer): void {
    if (bytes.length > 0) this.onOutput(bytes);
  }

  /** Length of the longest suffix of `buffer` that is a proper prefix of the marker prefix. */
  private partialPrefixLength(buffer: Buffer): number {
    const max = Math.min(buffer.length, this.prefix.length - 1);
    for (let length = max; length > 0; length--) {
      if (buffer.subarray(buffer.length - length).equals(this.prefix.subarray(0, length))) return length;
    }
    return 0;
  }
}
