import { deflateSync, inflateSync } from "node:zlib";
import { ForkliftError } from "../../shared/errors.ts";

/**
 * The `literal` form of a `GIT binary patch`: zlib-deflated bytes in git's base85, one line per
 * 52 bytes, each line led by a length letter (A–Z = 1–26, a–z = 27–52).
 */
const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";
const digitOf = new Map([...alphabet].map((char, index) => [char, index]));

/** Encodes content as a `literal <size>` block (without the trailing blank line). */
export function encodeBinaryLiteral(content: Uint8Array): string {
  const data = deflateSync(content);
  const lines = [`literal ${content.length}`];
  for (let at = 0; at < data.length; at += 52) {
    const chunk = data.subarray(at, at + 52);
    const n = chunk.length;
    let line = n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(96 + n - 26);
    for (let group = 0; group < n; group += 4) {
      let value = 0;
      for (let k = 0; k < 4; k++) value = value * 256 + (chunk[group + k] ?? 0);
      let digits = "";
      for (let k = 0; k < 5; k++) {
        digits = alphabet[value % 85]! + digits;
        value = Math.floor(value / 85);
      }
      line += digits;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

/** Decodes the base85 lines of a `literal` block and inflates them; `size` is checked. */
export function decodeBinaryLiteral(lines: readonly string[], size: number, path: string): Uint8Array {
  const bytes: number[] = [];
  for (const line of lines) {
    const lead = line.charCodeAt(0);
    const n = lead >= 65 && lead <= 90 ? lead - 64 : lead >= 97 && lead <= 122 ? lead - 96 + 26 : -1;
    if (n < 0 || (line.length - 1) % 5 !== 0 || (line.length - 1) / 5 < Math.ceil(n / 4)) {
      throw new ForkliftError("invalid-input", `patch: corrupt binary data for ${path}`);
    }
    const decoded: number[] = [];
    for (let at = 1; at < line.length; at += 5) {
      let value = 0;
      for (let k = 0; k < 5; k++) {
        const digit = digitOf.get(line[at + k]!);
        if (digit === undefined) throw new ForkliftError("invalid-input", `patch: corrupt binary data for ${path}`);
        value = value * 85 + digit;
      }
      decoded.push((value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
    }
    bytes.push(...decoded.slice(0, n));
  }
  let content: Uint8Array;
  try {
    content = inflateSync(Buffer.from(bytes));
  } catch {
    throw new ForkliftError("invalid-input", `patch: corrupt binary data for ${path}`);
  }
  if (content.length !== size) {
    throw new ForkliftError("invalid-input", `patch: binary data for ${path} has ${content.length} bytes, header says ${size}`);
  }
  return content;
}
