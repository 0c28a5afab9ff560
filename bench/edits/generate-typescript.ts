import type { Random } from "./random.ts";

const nouns = ["user", "order", "item", "cart", "price", "account", "session", "report", "invoice", "token", "event", "queue", "record", "payment", "profile", "config", "cache", "entry", "batch", "signal"];
const verbs = ["load", "save", "build", "parse", "format", "update", "remove", "find", "check", "merge", "send", "apply", "resolve", "render", "track"];
const types = ["string", "number", "boolean", "Date", "string[]", "Record<string, number>", "unknown"];

const cap = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/**
 * A synthetic TypeScript module of about `targetLines` lines: interfaces, functions with loops
 * and branches, classes with similar methods, switch statements, string literals with both quote
 * kinds, JSDoc. Deliberately repetitive (as real code is), so unique places need context.
 */
export function generateTypeScript(random: Random, targetLines: number, unit = "  "): string[] {
  const out: string[] = [];
  const ind = (level: number): string => unit.repeat(level);
  const name = (): string => `${random.pick(verbs)}${cap(random.pick(nouns))}${random.chance(0.5) ? random.int(1, 99) : ""}`;
  out.push(`import { logger } from "../logger.ts";`);
  out.push(`import type { ${cap(random.pick(nouns))} } from './types.ts';`);
  out.push("");
  let serial = 0;
  while (out.length < targetLines) {
    serial++;
    const kind = random.int(0, 4);
    const noun = random.pick(nouns);
    if (kind === 0) {
      out.push(`/** A ${noun} as stored (${serial}). */`);
      out.push(`export interface ${cap(noun)}${serial} {`);
      for (let i = random.int(2, 6); i > 0; i--) out.push(`${ind(1)}${random.pick(nouns)}${i}: ${random.pick(types)};`);
      out.push("}");
    } else if (kind === 1) {
      const fn = name();
      out.push("/**");
      out.push(` * ${cap(random.pick(verbs))}s every ${noun} of the list.`);
      out.push(" */");
      out.push(`export function ${fn}${serial}(items: ${cap(noun)}[], limit = ${random.int(1, 50)}): number {`);
      out.push(`${ind(1)}let total = 0;`);
      out.push(`${ind(1)}for (const item of items) {`);
      out.push(`${ind(2)}if (item.${random.pick(nouns)} === undefined) {`);
      out.push(`${ind(3)}continue;`);
      out.push(`${ind(2)}}`);
      out.push(`${ind(2)}total += item.${random.pick(nouns)}Count ?? ${random.int(0, 9)};`);
      out.push(`${ind(1)}}`);
      if (random.chance(0.5)) out.push(`${ind(1)}logger.info("${fn} done", { total, limit });`);
      out.push(`${ind(1)}return Math.min(total, limit);`);
      out.push("}");
    } else if (kind === 2) {
      out.push(`export class ${cap(noun)}Service${serial} {`);
      out.push(`${ind(1)}private readonly cache = new Map<string, ${cap(noun)}>();`);
      for (let m = random.int(2, 4); m > 0; m--) {
        out.push("");
        const method = name();
        out.push(`${ind(1)}async ${method}(id: string): Promise<${cap(noun)} | undefined> {`);
        out.push(`${ind(2)}const cached = this.cache.get(id);`);
        out.push(`${ind(2)}if (cached) return cached;`);
        out.push(`${ind(2)}const found = await this.fetch${cap(random.pick(nouns))}(id, '${random.pick(verbs)}');`);
        out.push(`${ind(2)}this.cache.set(id, found);`);
        out.push(`${ind(2)}return found;`);
        out.push(`${ind(1)}}`);
      }
      out.push("}");
    } else if (kind === 3) {
      out.push(`export function describe${cap(noun)}${serial}(kind: string): string {`);
      out.push(`${ind(1)}switch (kind) {`);
      for (let c = random.int(2, 5); c > 0; c--) {
        const word = random.pick(verbs);
        out.push(`${ind(2)}case "${word}${c}":`);
        out.push(`${ind(3)}return "the ${noun} is ${word}ed - it's done";`);
      }
      out.push(`${ind(2)}default:`);
      out.push(`${ind(3)}return \`unknown \${kind}\`;`);
      out.push(`${ind(1)}}`);
      out.push("}");
    } else {
      out.push(`export const ${noun}Defaults${serial} = {`);
      for (let i = random.int(2, 5); i > 0; i--) out.push(`${ind(1)}${random.pick(nouns)}${i}: ${random.chance(0.5) ? `"${random.pick(verbs)}"` : random.int(0, 999)},`);
      out.push("} as const;");
      if (random.chance(0.3)) out.push(`console.log("${noun} defaults loaded", ${noun}Defaults${serial});`);
    }
    out.push("");
  }
  return out;
}
