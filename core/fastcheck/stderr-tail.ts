/** Keeps the last few kilobytes a process wrote to stderr, for error reports. */
export function createStderrTail(limitBytes = 8192): { push(chunk: Buffer): void; text(): string } {
  let tail = "";
  return {
    push(chunk) {
      tail = (tail + chunk.toString("utf8")).slice(-limitBytes);
    },
    text: () => tail.trimEnd(),
  };
}
