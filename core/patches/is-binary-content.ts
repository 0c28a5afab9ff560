/** Whether git would treat this content as binary: it holds a NUL character. */
export function isBinaryContent(content: string): boolean {
  return content.includes("\0");
}
