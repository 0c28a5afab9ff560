/** A typed JSON-lines conversation over an attached process's stdin and stdout (one JSON value per line each way). */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

/** Sends `Out` messages and receives `In` messages. Parsing only: validate `In` (e.g. with zod) where it is used. */
export interface JsonLinesChannel<Out, In> {
  /** Writes one message as a line; resolves once it is handed to the stream. */
  send(message: Out): Promise<void>;
  /** The messages received, in order; ends when stdout ends. A line that is not JSON throws. */
  readonly messages: AsyncIterable<In>;
  /** Closes the process's stdin. */
  close(): void;
}

/** Opens a JSON-lines channel on a process's streams. */
export function openJsonLinesChannel<Out, In>(process: { readonly stdin: Writable; readonly stdout: Readable }): JsonLinesChannel<Out, In> {
  // The iterator is made now, not on first use: readline drops lines that arrive before it exists.
  const lines = createInterface({ input: process.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
  async function* messages(): AsyncGenerator<In> {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value;
      if (line.trim() === "") continue;
      try {
        yield JSON.parse(line) as In;
      } catch {
        throw new SyntaxError(`not a JSON line from the sandbox process: ${line.slice(0, 200)}`);
      }
    }
  }
  return {
    send: (message) =>
      new Promise((resolve, reject) => process.stdin.write(`${JSON.stringify(message)}\n`, (error) => (error ? reject(error) : resolve()))),
    messages: messages(),
    close: () => process.stdin.end(),
  };
}
