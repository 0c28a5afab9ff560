import { createHash } from "node:crypto";

/** The id git gives a blob of this content (SHA-1 of `blob <size>\0<bytes>`), as 40 hex digits. */
export function gitBlobId(content: string | Uint8Array): string {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** The id git writes for "no file" on the side of an index line where the file does not exist. */
export const nullBlobId = "0".repeat(40);
