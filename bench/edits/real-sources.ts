/**
 * The real corpus of the edits benchmark: TypeScript source files shipped inside public npm
 * packages (written by their authors, not by this project), at pinned versions checked against
 * the registry's integrity hashes. Each tarball is fetched once with `npm pack` into a cache
 * under node_modules/.cache, so later runs need no network.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Random } from "./random.ts";
import type { SourceFile } from "./source-files.ts";

/** A package whose tarball ships its TypeScript sources. */
interface RealPackage {
  name: string;
  version: string;
  /** The registry's `dist.integrity` for that version. */
  integrity: string;
}

/** Packages chosen for their shipped sources and their spread of styles: 2 and 4 spaces, tabs (immer), long and short files. */
export const realPackages: readonly RealPackage[] = [
  { name: "rxjs", version: "7.8.2", integrity: "sha512-dhKf903U/PQZY6boNNtAGdWbG85WAbjT/1xYoZIC7FAY0yWapOBQVsVrDl58W86//e1VpMNBtRV4MaXfdMySFA==" },
  { name: "mobx", version: "7.1.3", integrity: "sha512-H2NcS5ylMsqYn7v4WpSdzv5YWPmw5XTV6pG2NvY0qYbh95FXbswZJ7pn7wU0rOtUvRzk+3t4AOX2eircoN+vBg==" },
  { name: "@reduxjs/toolkit", version: "2.14.0", integrity: "sha512-m/PxMwRe0xLL6XUsAgy0YjInklHcfi9uMwFhJk+QINqjxqPvyc89T5cMjszA5bDmTE0gwGc7zr9LRO4gL+mhaw==" },
  { name: "@tanstack/query-core", version: "5.108.0", integrity: "sha512-X9zJUtEV/0D2q9pmGS/Bza8S4bNovSBhZOtdhtu0fzsHwizC6C+Eh/q5CX3MQBchsRMrirWVQmv7Fp4OStzV9g==" },
  { name: "immer", version: "11.2.10", integrity: "sha512-pzANBj+0A9u+prdhBJ14DVi44vCvVUQzBa8DKt6I0AMCokPHtt722BK9IX5bFC70xUSU9TnzLRIJLTGqIzjEFw==" },
  { name: "@trpc/server", version: "11.25.2", integrity: "sha512-zfFwyroSYSYlsAGo7yezGM+gAhHRBD9LyVMkXyCjWM2JuhorKGzl2fBzEUjHSKTtYlJ8l6DR3LHsBHBCTmAofQ==" },
];

/** At most this many files are taken from one package, so no package dominates the corpus. */
const maxPerPackage = 45;

/** The sources of every package (fetched on first use), a seeded sample of at most {@link maxPerPackage} files each. */
export function realSources(root: string, random: Random): SourceFile[] {
  const cache = path.join(root, "node_modules", ".cache", "forklift-bench-edits");
  mkdirSync(cache, { recursive: true });
  const files: SourceFile[] = [];
  for (const pkg of realPackages) {
    const sources = packageSources(cache, pkg);
    const names = Object.keys(sources).sort();
    const chosen: string[] = [];
    const left = [...names];
    while (chosen.length < maxPerPackage && left.length > 0) chosen.push(left.splice(random.int(0, left.length - 1), 1)[0]!);
    for (const name of chosen.sort()) {
      const file = sourceFile(`${pkg.name}@${pkg.version}/${name}`, sources[name]!);
      if (file) files.push(file);
    }
  }
  return files;
}

/** The TypeScript sources (not declaration files) of one package, path → text, from the cache or the registry. */
function packageSources(cache: string, pkg: RealPackage): Record<string, string> {
  const stored = path.join(cache, `${pkg.name.replace("/", "__")}@${pkg.version}.json`);
  if (existsSync(stored)) return JSON.parse(readFileSync(stored, "utf8")) as Record<string, string>;
  const work = path.join(cache, "download");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    let out: string;
    try {
      out = execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--pack-destination", work, "--json", "--silent"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    } catch {
      throw new Error(`could not fetch ${pkg.name}@${pkg.version} with \`npm pack\`: the real corpus needs the npm registry once (then it is read from ${cache}); check the network or the npm registry setting and rerun`);
    }
    const [packed] = JSON.parse(out) as Array<{ filename: string }>;
    const tarball = readFileSync(path.join(work, packed!.filename));
    const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
    if (integrity !== pkg.integrity) throw new Error(`${pkg.name}@${pkg.version}: the tarball's integrity ${integrity} is not the pinned one`);
    const sources = typeScriptSources(gunzipSync(tarball));
    writeFileSync(stored, JSON.stringify(sources));
    return sources;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The .ts/.tsx/.mts/.cts files (declaration files and tests excluded) of an uncompressed tar archive. */
function typeScriptSources(tar: Buffer): Record<string, string> {
  const sources: Record<string, string> = {};
  let longName: string | undefined;
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (from: number, length: number): string => header.subarray(from, from + length).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      // A pax header: a long path comes as "N path=...\n".
      const match = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      longName = match?.[1];
      continue;
    }
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type !== "0" && type !== "") continue;
    const relative = name.replace(/^package\//, "");
    if (!/\.(?:ts|tsx|mts|cts)$/.test(relative) || /\.d\.[mc]?ts$/.test(relative) || /(?:^|\/)(?:tests?|__tests__)\/|\.(?:test|spec)\.tsx?$/.test(relative)) continue;
    sources[relative] = body.toString("utf8");
  }
  return sources;
}

/** A corpus file from a source text, or undefined when too short to edit. */
function sourceFile(name: string, text: string): SourceFile | undefined {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const finalNewline = body.endsWith(eol);
  const lines = (finalNewline ? body.slice(0, -eol.length) : body).split(eol);
  if (lines.length < 12 || lines.some((line) => line.includes("\r"))) return undefined;
  return { name, lines, eol, finalNewline, bom };
}
