/**
 * The browser host's user settings: the LLM endpoint and model in a small JSON file in the user's
 * config folder (written atomically, readable by the user only), the API key in memory only, for
 * as long as the host runs: a browser host has no OS keychain to keep it safely.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";
import type { LlmUserSettings } from "../../generators/index.ts";
import { patchLlmSettings } from "../../engine/index.ts";
import type { UserSettings } from "../../engine/index.ts";

/** What the file holds (never a key). */
const SettingsFileSchema = z.object({ llm: z.object({ baseUrl: z.string().optional(), model: z.string().optional() }).optional() });

/** `$XDG_CONFIG_HOME/forklift/settings.json`, else `~/.config/forklift/settings.json`. */
export function defaultSettingsFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || path.join(homedir(), ".config");
  return path.join(base, "forklift", "settings.json");
}

/** Settings backed by `file` (created on the first change); an unreadable or foreign file reads as empty and is replaced on the next change. */
export function fileUserSettings(file: string): UserSettings {
  let llm: LlmUserSettings = readSettingsFile(file);
  let writing = Promise.resolve();
  return {
    llm: () => ({ ...llm }),
    keyStorage: "memory",
    update(patch) {
      llm = patchLlmSettings(llm, patch);
      const saved = { llm: { ...(llm.baseUrl !== undefined && { baseUrl: llm.baseUrl }), ...(llm.model !== undefined && { model: llm.model }) } };
      // one write at a time, in order: the file always holds the last change
      writing = writing.then(() => writeAtomically(file, `${JSON.stringify(saved, null, 2)}\n`));
      return writing;
    },
  };
}

function readSettingsFile(file: string): LlmUserSettings {
  try {
    const parsed = SettingsFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) return {};
    const { baseUrl, model } = parsed.data.llm ?? {};
    return { ...(baseUrl && { baseUrl }), ...(model && { model }) };
  } catch {
    return {};
  }
}

/** Writes a temporary file beside the target, then renames it over: a crash leaves the old file or the new, never half of one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}
