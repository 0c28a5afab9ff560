import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSettingsStore } from "./settings-store.ts";
import type { SecretCipher } from "./settings-store.ts";

/** A stand-in for safeStorage (it needs the Electron binary): real AES-256-GCM under a key that lives as long as the "OS keychain" object. */
function keychainCipher(available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(encrypted) {
      const decipher = createDecipheriv("aes-256-gcm", key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

const secret = "sk-test-0123456789abcdefghijklmnop";
let folder: string;
let file: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "forklift-settings-"));
  file = path.join(folder, "settings.json");
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("the settings store", () => {
  it("starts empty without a file", async () => {
    const store = await openSettingsStore(file, keychainCipher());
    expect(store.current()).toEqual({ llm: {}, keyStorage: "os-keychain" });
    expect(store.warnings).toEqual([]);
  });

  it("persists the endpoint and model, and the key only encrypted", async () => {
    const cipher = keychainCipher();
    const store = await openSettingsStore(file, cipher);
    const saved = await store.update({ llm: { baseUrl: "http://localhost:11434/v1", model: "qwen2.5-coder:7b", apiKey: secret } });
    expect(saved).toEqual({ llm: { baseUrl: "http://localhost:11434/v1", model: "qwen2.5-coder:7b", apiKey: secret }, keyStorage: "os-keychain" });
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(secret);
    expect(text).toContain("qwen2.5-coder:7b");
    expect(JSON.parse(text).llm.encryptedKey).toMatch(/^[A-Za-z0-9+/]+=*$/);
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(["settings.json"]);

    const reopened = await openSettingsStore(file, cipher);
    expect(reopened.current().llm).toEqual({ baseUrl: "http://localhost:11434/v1", model: "qwen2.5-coder:7b", apiKey: secret });
  });

  it("keeps a field left out and clears one set to null or blank", async () => {
    const store = await openSettingsStore(file, keychainCipher());
    await store.update({ llm: { baseUrl: "http://localhost:8000/v1", model: "m", apiKey: secret } });
    await store.update({ llm: { model: "other" } });
    expect(store.current().llm).toEqual({ baseUrl: "http://localhost:8000/v1", model: "other", apiKey: secret });
    await store.update({ llm: { apiKey: null, baseUrl: null } });
    expect(store.current().llm).toEqual({ model: "other" });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ version: 1, llm: { model: "other" } });
    await store.update({ llm: { model: "   " } });
    expect(store.current().llm).toEqual({});
  });

  it("where the OS offers no real encryption, keeps the key in memory and never writes it", async () => {
    const store = await openSettingsStore(file, keychainCipher(false));
    const saved = await store.update({ llm: { model: "m", apiKey: secret } });
    expect(saved).toEqual({ llm: { model: "m", apiKey: secret }, keyStorage: "memory" });
    expect(readFileSync(file, "utf8")).not.toContain(secret);
    expect(JSON.parse(readFileSync(file, "utf8")).llm).toEqual({ model: "m" });
    expect((await openSettingsStore(file, keychainCipher(false))).current().llm).toEqual({ model: "m" });
  });

  it("says so when the saved key no longer decrypts (another keychain), and keeps the rest", async () => {
    const first = await openSettingsStore(file, keychainCipher());
    await first.update({ llm: { model: "m", apiKey: secret } });
    const other = await openSettingsStore(file, keychainCipher());
    expect(other.current().llm).toEqual({ model: "m" });
    expect(other.warnings).toEqual(["the saved API key could not be decrypted (the OS keychain changed or is unavailable): enter it again in Settings"]);
  });

  it.each([
    ["not JSON", "{ not json"],
    ["a key in clear text (not ours)", JSON.stringify({ version: 1, llm: { apiKey: secret } })],
    ["a newer version", JSON.stringify({ version: 2, llm: {} })],
  ])("sets a damaged file aside (%s) and starts empty", async (_what, contents) => {
    writeFileSync(file, contents);
    const store = await openSettingsStore(file, keychainCipher());
    expect(store.current().llm).toEqual({});
    expect(store.warnings[0]).toMatch(/^the settings file was damaged and was set aside as settings\.json\.damaged-\d+: settings start empty$/);
    const aside = readdirSync(folder).filter((name) => name.startsWith("settings.json.damaged-"));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(folder, aside[0] ?? ""), "utf8")).toBe(contents);
  });

  it("applies concurrent updates one after the other", async () => {
    const store = await openSettingsStore(file, keychainCipher());
    await Promise.all([store.update({ llm: { model: "a" } }), store.update({ llm: { baseUrl: "http://localhost:1234/v1" } })]);
    expect(JSON.parse(readFileSync(file, "utf8")).llm).toEqual({ model: "a", baseUrl: "http://localhost:1234/v1" });
  });
});
