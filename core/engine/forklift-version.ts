import { readFileSync } from "node:fs";

let cached: string | undefined;

/** Forklift's version as package.json gives it ("unknown" when it cannot be read). */
export function forkliftVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    cached = typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    cached = "unknown";
  }
  return cached;
}
