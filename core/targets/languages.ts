import { Lang } from "@ast-grep/napi";

/** The languages target rules run on; the names are ast-grep's. */
export type TargetLanguage = "TypeScript" | "Tsx" | "JavaScript";

/** Every supported language, in the order files are reported when nothing else decides. */
export const targetLanguages: readonly TargetLanguage[] = ["TypeScript", "Tsx", "JavaScript"];

/** The napi language for each target language. */
export const napiLanguage: Record<TargetLanguage, Lang> = {
  TypeScript: Lang.TypeScript,
  Tsx: Lang.Tsx,
  JavaScript: Lang.JavaScript,
};

const aliases: Record<string, TargetLanguage> = {
  typescript: "TypeScript",
  ts: "TypeScript",
  tsx: "Tsx",
  javascript: "JavaScript",
  js: "JavaScript",
  jsx: "JavaScript",
};

/** The language a name or alias means (case-insensitive: `ts`, `TypeScript`, `tsx`, `js`, `jsx`, `javascript`), if any. */
export function parseLanguageName(name: string): TargetLanguage | undefined {
  return aliases[name.toLowerCase()];
}

/** The names {@link parseLanguageName} accepts, for error messages. */
export const languageNamesHelp = "TypeScript (ts), Tsx (tsx) or JavaScript (js, jsx)";

// Same mapping as ast-grep's: .jsx goes to the JavaScript grammar, which parses JSX.
const byExtension: Record<string, TargetLanguage> = {
  ts: "TypeScript",
  mts: "TypeScript",
  cts: "TypeScript",
  tsx: "Tsx",
  js: "JavaScript",
  mjs: "JavaScript",
  cjs: "JavaScript",
  jsx: "JavaScript",
};

/** The language a file is parsed as, from its extension; undefined for files rules do not scan. */
export function languageForPath(path: string): TargetLanguage | undefined {
  const dot = path.lastIndexOf(".");
  if (dot === -1 || path.lastIndexOf("/") > dot) return undefined;
  return byExtension[path.slice(dot + 1)];
}
