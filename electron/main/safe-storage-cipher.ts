/** The settings key's cipher in the app: Electron's safeStorage (call after `ready`). */
import { safeStorage } from "electron";
import type { SecretCipher } from "./settings-store.ts";

/**
 * safeStorage as a SecretCipher. On Linux without a keyring Electron falls back to `basic_text`,
 * a fixed password that protects nothing: that counts as unavailable, so the key stays in memory.
 */
export function safeStorageCipher(): SecretCipher {
  const weak = process.platform === "linux" && safeStorage.getSelectedStorageBackend() === "basic_text";
  return {
    available: safeStorage.isEncryptionAvailable() && !weak,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
