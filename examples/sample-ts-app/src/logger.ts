/** The structured logger the migration moves console calls to. */
export type Fields = Readonly<Record<string, unknown>>;

const lines: string[] = [];

function write(level: "info" | "warn" | "error", message: string, fields: Fields = {}): void {
  lines.push(JSON.stringify({ level, message, ...fields }));
}

/** Logs structured lines (kept in memory here, so tests can read them). */
export const logger = {
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
  lines: (): readonly string[] => lines,
};
