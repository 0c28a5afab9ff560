/**
 * A reader that stops early (`forklift tree | head -1`) closes our standard output; the next write
 * fails with EPIPE. That is the reader's choice, not an error: the process ends at once, quietly,
 * as other command-line tools do.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
      throw error;
    });
  }
}
