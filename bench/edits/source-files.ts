import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { generateTypeScript } from "./generate-typescript.ts";
import type { Random } from "./random.ts";

/** A file of the corpus as lines plus how it is written out (line ending, final newline, BOM). */
export interface SourceFile {
  name: string;
  lines: string[];
  eol: "\n" | "\r\n";
  finalNewline: boolean;
  bom: boolean;
}

/** The file's exact text. */
export function textOf(file: SourceFile, lines: readonly string[] = file.lines): string {
  if (lines.length === 0) return file.bom ? "\uFEFF" : "";
  return (file.bom ? "\uFEFF" : "") + lines.join(file.eol) + (file.finalNewline ? file.eol : "");
}

/** This project's own TypeScript (core/, shared/, bench/), never node_modules: code the bench may redistribute. */
export function projectSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) {
        const text = readFileSync(full, "utf8");
        if (text.includes("\r") || text.length === 0) continue;
        const finalNewline = text.endsWith("\n");
        const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
        if (lines.length >= 12) files.push({ name: path.relative(root, full), lines, eol: "\n", finalNewline, bom: false });
      }
    }
  };
  for (const top of ["core", "shared", "bench"]) walk(path.join(root, top));
  return files;
}

/** Synthetic modules of the given sizes (lines), some indented by 4 spaces and some without a final newline. */
export function generatedSources(random: Random, sizes: readonly number[]): SourceFile[] {
  return sizes.map((size, i) => ({
    name: `generated/module-${i}.ts`,
    lines: generateTypeScript(random, size, random.chance(0.25) ? "    " : "  "),
    eol: "\n",
    finalNewline: random.chance(0.9),
    bom: false,
  }));
}
