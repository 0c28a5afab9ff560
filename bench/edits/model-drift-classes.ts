/**
 * Drift that real model replies show beyond whitespace: SEARCH that is a piece of a line
 * (`old_string` style), line numbers copied from a numbered excerpt, a typo in the line being
 * changed, context the file has changed since the model read it, blocks written against the
 * model's own earlier blocks; and the defects of the same kinds that must be refused.
 */
import { looseKey, looseOccurrences } from "./loose-match.ts";
import { typo } from "./perturb-lines.ts";
import type { Random } from "./random.ts";
import { randomStyle, renderReply } from "./render-reply.ts";
import type { ReplyBlock } from "./render-reply.ts";
import { tree } from "./case-class.ts";
import type { CaseClass } from "./case-class.ts";
import { applyTrueEdits, expressible, makeRegion, mutateLine, partsOf, searchAndReplace, statement } from "./true-edits.ts";
import type { TrueEdit } from "./true-edits.ts";

const reply1 = (random: Random, block: ReplyBlock): string => renderReply([block], randomStyle(random));

/** How many times `needle` occurs in `text` (overlapping occurrences counted). */
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** Token boundaries of a line's code (after its indentation): where a piece of it may start or end. */
function boundaries(line: string): number[] {
  const out = new Set<number>();
  for (const m of line.matchAll(/[A-Za-z0-9_$]+|[^\sA-Za-z0-9_$]/g)) {
    out.add(m.index);
    out.add(m.index + m[0].length);
  }
  return [...out].sort((a, b) => a - b);
}

/** A piece of line t from a token boundary to another (at least `min` characters), found once in the whole text. */
function pieceOf(random: Random, text: string, line: string, min: number, options: { atEnd?: boolean; atStart?: boolean } = {}): [number, number] | undefined {
  const cuts = boundaries(line);
  if (cuts.length < 2) return undefined;
  for (let attempt = 0; attempt < 12; attempt++) {
    const start = options.atStart ? cuts[0]! : random.pick(cuts);
    const end = options.atEnd ? line.trimEnd().length : random.pick(cuts.filter((c) => c - start >= min));
    if (end === undefined || end - start < min) continue;
    const piece = line.slice(start, end);
    if (/^\s|\s$/.test(piece) || !expressible([piece])) continue;
    if (occurrences(text, piece) === 1) return [start, end];
  }
  return undefined;
}

/** Every should-apply class of model drift. */
export const modelDriftClasses: CaseClass[] = [
  {
    name: "fragment-in-line",
    expect: "apply",
    make(random, file) {
      const text = file.lines.join("\n");
      for (let attempt = 0; attempt < 30; attempt++) {
        const t = random.int(0, file.lines.length - 1);
        const line = file.lines[t]!;
        if (line.trim().length < 16) continue;
        const cut = pieceOf(random, text, line, 6);
        if (!cut) continue;
        const [start, end] = cut;
        if (start <= line.length - line.trimStart().length && end >= line.trimEnd().length) continue;
        const piece = line.slice(start, end);
        const fresh = mutateLine(random, piece);
        if (fresh === piece || !expressible([fresh])) continue;
        const lines = [...file.lines];
        lines[t] = line.slice(0, start) + fresh + line.slice(end);
        return { files: tree(file), reply: reply1(random, { path: file.name, search: [piece], replace: [fresh] }), expected: tree(file, lines), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "fragment-two-lines",
    expect: "apply",
    make(random, file) {
      const text = file.lines.join("\n");
      for (let attempt = 0; attempt < 30; attempt++) {
        const t = random.int(0, file.lines.length - 2);
        const first = file.lines[t]!;
        const second = file.lines[t + 1]!;
        if (first.trim().length < 8 || second.trim().length < 8) continue;
        const firstCuts = boundaries(first).filter((c) => c > first.length - first.trimStart().length && c < first.trimEnd().length);
        const secondCuts = boundaries(second).filter((c) => c > second.length - second.trimStart().length && c < second.trimEnd().length);
        if (firstCuts.length === 0 || secondCuts.length === 0) continue;
        const start = random.pick(firstCuts);
        const end = random.pick(secondCuts);
        const search = [first.slice(start).trimEnd(), second.slice(0, end)];
        if (/^\s/.test(search[0]!) || search[0] === "" || !expressible(search) || occurrences(text, search.join("\n")) !== 1) continue;
        const replace = [mutateLine(random, search[0]!), search[1]!];
        if (replace[0] === search[0]) continue;
        const lines = [...file.lines];
        lines.splice(t, 2, first.slice(0, start) + replace[0]!, replace[1]! + second.slice(end));
        // The first piece ends its line only if trailing whitespace was cut: then the file keeps none of it.
        if (first.slice(start) !== search[0]) continue;
        return { files: tree(file), reply: reply1(random, { path: file.name, search, replace }), expected: tree(file, lines), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "first-line-unindented",
    expect: "apply",
    make(random, file) {
      // `old_string` edits often start at the first line's code, its indentation left out, in SEARCH and REPLACE alike.
      const region = makeRegion(random, file.lines, { before: [1, 3], after: [1, 3], kinds: ["modify", "insert", "replace"] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      const { search, replace } = searchAndReplace(parts);
      if (!/^\s+\S/.test(search[0]!) || search[0] !== replace[0]) return undefined;
      const reply = reply1(random, { path: file.name, search: [search[0]!.trimStart(), ...search.slice(1)], replace: [replace[0]!.trimStart(), ...replace.slice(1)] });
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  {
    name: "line-numbers-excerpt",
    expect: "apply",
    make(random, file) {
      // Our excerpt format, `  12 | code`, copied on SEARCH; REPLACE numbered too (renumbered), not at all, or only on its kept lines.
      const region = makeRegion(random, file.lines);
      if (!region) return undefined;
      const width = String(file.lines.length).length;
      const numbered = (n: number, line: string): string => `${String(n).padStart(width)} | ${line}`;
      const parts = partsOf(file.lines, region);
      const { search, replace } = searchAndReplace(parts);
      const first = region.from + 1;
      const variant = random.int(0, 2);
      const keptBefore = parts.before.length;
      const replaceLines =
        variant === 0
          ? replace.map((line, k) => numbered(first + k, line))
          : variant === 1
            ? replace
            : replace.map((line, k) => {
                const after = k - keptBefore - parts.fresh.length;
                if (k < keptBefore) return numbered(first + k, line);
                if (after >= 0) return numbered(first + keptBefore + parts.old.length + after, line);
                return line;
              });
      const reply = reply1(random, { path: file.name, search: search.map((line, k) => numbered(first + k, line)), replace: replaceLines });
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  {
    name: "line-numbers-other-styles",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines);
      if (!region) return undefined;
      const style = random.pick([(n: number, l: string) => `${n}: ${l}`, (n: number, l: string) => `${String(n).padStart(6)}→${l}`, (n: number, l: string) => `L${n} ${l}`, (n: number, l: string) => `${String(n).padStart(6)}\t${l}`]);
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      const first = region.from + 1;
      const numberReplace = random.chance(0.5);
      const reply = reply1(random, {
        path: file.name,
        search: search.map((line, k) => style(first + k, line)),
        replace: numberReplace ? replace.map((line, k) => style(first + k, line)) : replace,
      });
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  {
    name: "typo-in-changed-line",
    expect: "apply",
    make(random, file) {
      // The model misspells a word while copying the line it rewrites; its new line spells the word right.
      const region = makeRegion(random, file.lines, { kinds: ["modify"], before: [1, 3], after: [1, 3] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      const old = parts.old[0]!;
      const fresh = parts.fresh[0]!;
      const typed = typo(random, old);
      if (looseKey(typed) === looseKey(old)) return undefined;
      // Only a typo in a word the new line keeps: otherwise nothing tells a typo from a change the file made.
      const wordOf = (text: string): Set<string> => new Set(text.match(/[A-Za-z0-9_$]+/g) ?? []);
      const lost = [...wordOf(old)].filter((w) => !wordOf(typed).has(w));
      if (lost.length !== 1 || !wordOf(fresh).has(lost[0]!)) return undefined;
      const search = [...parts.before, typed, ...parts.old.slice(1), ...parts.after];
      const replace = [...parts.before, ...parts.fresh, ...parts.after];
      return { files: tree(file), reply: reply1(random, { path: file.name, search, replace }), expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  staleContext("stale-context-line-changed", "changed"),
  staleContext("stale-context-line-added", "added"),
  staleContext("stale-context-line-removed", "removed"),
  {
    name: "blocks-on-earlier-blocks",
    expect: "apply",
    make(random, file) {
      // The second block quotes the first block's new line: the model wrote it against its own edit.
      const first = makeRegion(random, file.lines, { kinds: ["modify", "replace"] });
      if (!first) return undefined;
      const middle = applyTrueEdits(file.lines, [first.edit]);
      const from = first.edit.start;
      const to = first.edit.start + first.edit.newLines.length;
      if (to === from) return undefined;
      const second = makeRegion(random, middle, { avoid: (f, t) => !(f < to && t > from) });
      if (!second || (second.edit.start < to && second.edit.end > from) || (second.edit.start >= from && second.edit.start <= to)) return undefined;
      const blocks: ReplyBlock[] = [
        { path: file.name, ...searchAndReplace(partsOf(file.lines, first)) },
        { path: file.name, ...searchAndReplace(partsOf(middle, second)) },
      ];
      const reply = renderReply(blocks, randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(middle, [second.edit])), lines: file.lines.length };
    },
  },
];

/**
 * Context the file has changed since the model read it: one context line of the block rewritten,
 * a line added among the context lines, or one removed. The lines the block changes are intact.
 */
function staleContext(name: string, how: "changed" | "added" | "removed"): CaseClass {
  return {
    name,
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [2, 4], after: [2, 4] });
      if (!region) return undefined;
      const { edit } = region;
      const context = [...Array(region.to - region.from).keys()]
        .map((k) => region.from + k)
        .filter((c) => (c < edit.start || c >= edit.end) && file.lines[c]!.trim().length >= 3);
      if (context.length === 0) return undefined;
      const c = random.pick(context);
      let theirs: TrueEdit;
      if (how === "changed") {
        const changed = mutateLine(random, file.lines[c]!, "Renamed");
        if (looseKey(changed) === looseKey(file.lines[c]!)) return undefined;
        theirs = { start: c, end: c + 1, newLines: [changed] };
      } else if (how === "removed") {
        theirs = { start: c, end: c + 1, newLines: [] };
      } else {
        // A new line before context line c (never where the block's own change starts or ends).
        if (c === edit.end || c === edit.start) return undefined;
        theirs = { start: c, end: c, newLines: [statement(random, /^[ \t]*/.exec(file.lines[c]!)![0])] };
      }
      const current = applyTrueEdits(file.lines, [theirs]);
      // The block must still mean one place in the file as it is now.
      if (looseOccurrences(current, file.lines.slice(edit.start, edit.end)) > 1 && edit.end > edit.start) return undefined;
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      return {
        files: tree(file, current),
        reply: reply1(random, { path: file.name, search, replace }),
        expected: tree(file, applyTrueEdits(file.lines, [theirs, edit])),
        lines: file.lines.length,
      };
    },
  };
}

/** Every should-reject class of model drift. */
export const modelRejectClasses: CaseClass[] = [
  {
    name: "stale-changed-line-variants",
    expect: "reject",
    make(random, file) {
      // The file changed the line the block rewrites, in one of the ways files change: REPLACE would undo that.
      const region = makeRegion(random, file.lines, { kinds: ["modify", "delete", "replace"] });
      if (!region) return undefined;
      const t = region.edit.start;
      const line = file.lines[t]!;
      const variants = [
        () => `${line} // reviewed`,
        () => line.replace(/\d+/, (d) => String(Number(d) + 1)),
        () => line.replace(/^(\s*)/, "$1await "),
        () => line.replace(/\b([A-Za-z_$][\w$]{3,})\b/, "$1s"),
        () => mutateLine(random, line, "V2"),
      ];
      const changed = random.pick(variants)();
      if (looseKey(changed) === looseKey(line) || !expressible([changed])) return undefined;
      const current = [...file.lines];
      current[t] = changed;
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      return { files: tree(file, current), reply: reply1(random, { path: file.name, search, replace }), lines: file.lines.length };
    },
  },
  {
    name: "line-numbers-mismatch",
    expect: "reject",
    make(random, file) {
      // Numbers from an older excerpt: the text is found, but not at the lines the numbers name.
      const region = makeRegion(random, file.lines);
      if (!region) return undefined;
      const shift = random.pick([-7, -3, -1, 1, 2, 5, 12]);
      const first = region.from + 1 + shift;
      if (first < 1) return undefined;
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      const numbered = (lines: string[]): string[] => lines.map((line, k) => `${first + k} | ${line}`);
      return { files: tree(file), reply: reply1(random, { path: file.name, search: numbered(search), replace: numbered(replace) }), lines: file.lines.length };
    },
  },
  {
    name: "fragment-ambiguous",
    expect: "reject",
    make(random, file) {
      const text = file.lines.join("\n");
      for (let attempt = 0; attempt < 60; attempt++) {
        const t = random.int(0, file.lines.length - 1);
        const line = file.lines[t]!;
        const cuts = boundaries(line);
        if (cuts.length < 3) continue;
        const start = random.pick(cuts);
        const end = random.pick(cuts.filter((c) => c - start >= 6));
        if (end === undefined) continue;
        const piece = line.slice(start, end);
        if (/^\s|\s$/.test(piece) || !expressible([piece]) || occurrences(text, piece) < 2) continue;
        const fresh = mutateLine(random, piece);
        if (fresh === piece) continue;
        return { files: tree(file), reply: reply1(random, { path: file.name, search: [piece], replace: [fresh] }), lines: file.lines.length };
      }
      return undefined;
    },
  },
];
