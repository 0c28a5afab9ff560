import { createHash } from "node:crypto";
import type { Store } from "./open-store.ts";

/** The sha256 (hex) that names a file content in the store. */
export function hashContent(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Stores a file content (text as UTF-8, or bytes) once (a no-op when it is there already) and returns its hash. Call inside a write transaction. */
export function putBlob(store: Store, content: string | Uint8Array): string {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const hash = hashContent(bytes);
  store.statement("INSERT INTO blobs (hash, size, content) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING").run(hash, bytes.length, bytes);
  return hash;
}

/** A stored file content by hash, or undefined. */
export function getBlob(store: Store, hash: string): string | undefined {
  const content = store.statement("SELECT content FROM blobs WHERE hash = ?").pluck().get(hash) as Buffer | undefined;
  return content?.toString("utf8");
}
