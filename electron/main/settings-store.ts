/**
 * The studio's settings file in the app's userData folder: the LLM endpoint and model in clear,
 * the API key only encrypted by the OS (Electron's safeStorage: Keychain, DPAPI, libsecret or
 * KWallet). Where the OS offers no real encryption (Linux without a keyring falls back to a
 * fixed password), the key is kept in memory for the session and never written. The file is
 * replaced atomically and readable by the user only; a damaged one is set aside, not trusted.
 */
import { chmod, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import { patchLlmSettings } from "../../core/engine/user-settings.ts";
import type { LlmSecrets } from "../ipc/engine-control.ts";

/** What encrypts the key: safeStorage in the app, anything with the same shape in a test. */
export interface SecretCipher {
  /** False where the OS offers no real encryption: the key then stays in memory. */
  readonly available: boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** The settings as the main process holds them (the key decrypted, for the engine process only). */
export interface SettingsStore {
  current(): { llm: LlmSecrets; keyStorage: "os-keychain" | "memory" };
  /** Applies a change (a field left out stays; null or blank clears it) and persists it. */
  update(patch: SettingsPatch): Promise<{ llm: LlmSecrets; keyStorage: "os-keychain" | "memory" }>;
  /** Problems met while loading (a damaged file, a key that no longer decrypts), one line each. */
  readonly warnings: readonly string[];
}

const SettingsFileSchema = z.strictObject({
  version: z.literal(1),
  llm: z.strictObject({ baseUrl: z.string().optional(), model: z.string().optional(), encryptedKey: z.string().optional() }),
});
type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Opens the settings file (missing: empty settings). */
export async function openSettingsStore(file: string, cipher: SecretCipher): Promise<SettingsStore> {
  const warnings: string[] = [];
  const keyStorage: "os-keychain" | "memory" = cipher.available ? "os-keychain" : "memory";
  const stored = await load(file, warnings);
  let llm: LlmSecrets = { ...(stored.llm.baseUrl && { baseUrl: stored.llm.baseUrl }), ...(stored.llm.model && { model: stored.llm.model }) };
  let encryptedKey = stored.llm.encryptedKey;
  if (encryptedKey) {
    const key = cipher.available ? tryDecrypt(cipher, encryptedKey) : undefined;
    if (key) llm.apiKey = key;
    else warnings.push("the saved API key could not be decrypted (the OS keychain changed or is unavailable): enter it again in Settings");
  }
  let writing: Promise<void> = Promise.resolve();

  return {
    warnings,
    current: () => ({ llm: { ...llm }, keyStorage }),
    update(patch) {
      // one change at a time, each computed from the one before it
      const change = writing.catch(() => undefined).then(async () => {
        const next = patchLlmSettings(llm, patch);
        let nextEncryptedKey = encryptedKey;
        if (next.apiKey !== llm.apiKey) nextEncryptedKey = next.apiKey && cipher.available ? cipher.encrypt(next.apiKey).toString("base64") : undefined;
        const contents: SettingsFile = {
          version: 1,
          llm: { ...(next.baseUrl && { baseUrl: next.baseUrl }), ...(next.model && { model: next.model }), ...(nextEncryptedKey && { encryptedKey: nextEncryptedKey }) },
        };
        await writeAtomically(file, `${JSON.stringify(contents, undefined, 2)}\n`);
        llm = next;
        encryptedKey = nextEncryptedKey;
        return { llm: { ...llm }, keyStorage };
      });
      writing = change.then(() => undefined);
      return change;
    },
  };
}

async function load(file: string, warnings: string[]): Promise<SettingsFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") warnings.push(`the settings file ${file} could not be read (${(error as Error).message}): using defaults`);
    return { version: 1, llm: {} };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = SettingsFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const aside = `${file}.damaged-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  warnings.push(`the settings file was damaged and was set aside as ${path.basename(aside)}: settings start empty`);
  return { version: 1, llm: {} };
}

function tryDecrypt(cipher: SecretCipher, encrypted: string): string | undefined {
  try {
    return cipher.decrypt(Buffer.from(encrypted, "base64")) || undefined;
  } catch {
    return undefined;
  }
}

async function writeAtomically(file: string, contents: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
