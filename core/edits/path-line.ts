/** Files commonly named without an extension, accepted as a bare path line. */
const extensionless = new Set([
  "Makefile",
  "Dockerfile",
  "Containerfile",
  "Jenkinsfile",
  "Procfile",
  "Gemfile",
  "Rakefile",
  "Vagrantfile",
  "Brewfile",
  "LICENSE",
  "README",
  "CODEOWNERS",
]);

/**
 * The file path a line names, if the line is nothing but a path with markdown decoration
 * (`# path`, `**path**`, `` `path` ``, `- path`, `File: path`, `path:`, `path (new file)`);
 * undefined for prose or code.
 */
export function pathFromLine(line: string): string | undefined {
  let text = line.trim();
  text = text.replace(/^#{1,6}\s+/, "");
  text = text.replace(/^(?:[-*+]|\d+[.)])\s+/, "");
  text = text.replace(/^(?:\*\*|__)?(?:file(?:\s*name|\s*path)?|path)\s*:(?:\*\*|__)?\s*/i, "");
  text = text.replace(/\s*\((?:new|new file|created?|updated?|modified)\)\s*$/i, "");
  text = text.replace(/:$/, "");
  text = stripWrapping(text);
  text = text.replace(/:$/, "");
  return looksLikePath(text) ? text : undefined;
}

/** The path named in a fence's info string (```ts src/a.ts, ```src/a.ts, ```ts:src/a.ts), if any. */
export function pathFromFence(line: string): string | undefined {
  const match = /^\s*(?:```+|~~~+)\s*(.*)$/.exec(line);
  if (!match) return undefined;
  for (const token of (match[1] ?? "").split(/[\s:]+/)) {
    const path = stripWrapping(token);
    if (looksLikePath(path) && (path.includes("/") || /\.[A-Za-z0-9]+$/.test(path))) return path;
  }
  return undefined;
}

/** Whether a line opens or closes a markdown code fence. */
export function isFenceLine(line: string): boolean {
  return /^\s*(?:```|~~~)/.test(line);
}

function stripWrapping(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/^(\*\*|__|\*|_|`+|"|')(.+)\1$/, "$2").trim();
    if (next === current) return current;
    current = next;
  }
}

function looksLikePath(text: string): boolean {
  if (text === "" || text.length > 1024 || /\s/.test(text) || /[`*<>|"?]/.test(text)) return false;
  const name = text.split(/[\\/]/).pop() ?? "";
  return text.includes("/") || /\.[A-Za-z0-9_-]+$/.test(name) || extensionless.has(name);
}
