/** Monaco's language id for a file path, by extension or well-known name ("plaintext" when unknown). */
export function languageOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (byName[name]) return byName[name];
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "plaintext";
  return byExtension[name.slice(dot + 1)] ?? "plaintext";
}

const byName: Record<string, string> = {
  dockerfile: "dockerfile",
  makefile: "shell",
  ".bashrc": "shell",
  ".npmrc": "ini",
  ".editorconfig": "ini",
};

const byExtension: Record<string, string> = {
  ts: "typescript",
  tsx: "typescript",
  mts: "typescript",
  cts: "typescript",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  json: "json",
  jsonc: "json",
  md: "markdown",
  mdx: "mdx",
  yml: "yaml",
  yaml: "yaml",
  css: "css",
  scss: "scss",
  less: "less",
  html: "html",
  htm: "html",
  vue: "html",
  svelte: "html",
  py: "python",
  go: "go",
  rs: "rust",
  java: "java",
  kt: "kotlin",
  rb: "ruby",
  php: "php",
  cs: "csharp",
  c: "cpp",
  h: "cpp",
  cpp: "cpp",
  hpp: "cpp",
  sh: "shell",
  bash: "shell",
  sql: "sql",
  xml: "xml",
  toml: "ini",
  ini: "ini",
  graphql: "graphql",
  swift: "swift",
  dart: "dart",
  lua: "lua",
};
