/** Splits a byte stream into UTF-8 lines (without their newline), across chunk boundaries. */
export function createLineSplitter(onLine: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  let pending: Buffer[] = [];
  return {
    push(chunk) {
      let start = 0;
      for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
        pending.push(chunk.subarray(start, newline));
        const line = Buffer.concat(pending).toString("utf8");
        pending = [];
        onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
        start = newline + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    },
    end() {
      if (pending.length > 0) onLine(Buffer.concat(pending).toString("utf8"));
      pending = [];
    },
  };
}
