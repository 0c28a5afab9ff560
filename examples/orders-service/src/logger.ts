// The service's structured logger: one JSON line per entry, with a level, a message and details.
// New code logs through it; older modules still call console.* (the migration moves them here).

export type Level = "info" | "warn" | "error";

export interface Entry {
  level: Level;
  message: string;
  details: unknown[];
  at: string;
}

type Sink = (entry: Entry) => void;

let sink: Sink = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

/** Sends every entry to `next` instead of stdout (tests capture them). */
export function setSink(next: Sink): void {
  sink = next;
}

function write(level: Level, message: string, details: unknown[]): void {
  sink({ level, message, details, at: new Date().toISOString() });
}

export const logger = {
  info: (message: string, ...details: unknown[]) => write("info", message, details),
  warn: (message: string, ...details: unknown[]) => write("warn", message, details),
  error: (message: string, ...details: unknown[]) => write("error", message, details),
};
