/** Splits Docker's multiplexed attach stream (8-byte frame headers: stream type, 3 zero bytes, big-endian length) into stdout and stderr. */

/** Feeds raw bytes of a non-TTY attach stream; calls `onFrame` with each frame's stream and payload. */
export class StreamDemuxer {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: "stdout" | "stderr", payload: Buffer) => void) {}

  /** Processes one chunk of the attach stream. */
  push(chunk: Buffer): void {
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    while (this.buffer.length >= 8) {
      const type = this.buffer[0];
      const length = this.buffer.readUInt32BE(4);
      if (this.buffer.length < 8 + length) break;
      const payload = this.buffer.subarray(8, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      // Type 0 (stdin echo) is never sent for non-TTY execs; treat anything but 2 as stdout.
      this.onFrame(type === 2 ? "stderr" : "stdout", payload);
    }
  }
}
