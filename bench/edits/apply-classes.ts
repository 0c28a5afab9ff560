import { looseKey, looseOccurrences } from "./loose-match.ts";
import {
  addTrailingWhitespace,
  curlQuotes,
  driftInnerWhitespace,
  minIndent,
  shiftIndent,
  spacesToTabs,
  tabsToSpaces,
  typo,
  useLookAlike,
} from "./perturb-lines.ts";
import type { LookAlike } from "./perturb-lines.ts";
import { randomStyle, renderReply } from "./render-reply.ts";
import type { ReplyBlock } from "./render-reply.ts";
import { caseFromParts, drifted, nonBlank, regions, singleEdit, tree, withFile } from "./case-class.ts";
import type { CaseClass } from "./case-class.ts";
import { applyTrueEdits, expressible, makeRegion, partsOf, searchAndReplace, unitOf } from "./true-edits.ts";

/** Every should-apply class. */
export const applyClasses: CaseClass[] = [
  { name: "exact", expect: "apply", make: (random, file) => singleEdit(random, file) },
  {
    name: "markdown-noise",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines);
      if (!region) return undefined;
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      const reply =
        `I looked at \`${file.name}\` and the change is small.\n\n1. Update the code:\n\n` +
        renderReply([{ path: file.name, search, replace }], random.pick(["bold-path", "heading-path", "chatty"] as const)) +
        "\nLet me know if you want tests too. =)\n";
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  {
    name: "trailing-whitespace",
    expect: "apply",
    make: (random, file) =>
      singleEdit(random, file, {
        drift: {
          context: (l, i) => (i === 0 || random.chance(0.5) ? addTrailingWhitespace(random, l) : l),
          old: (l) => (random.chance(0.5) ? addTrailingWhitespace(random, l) : l),
        },
      }),
  },
  {
    name: "indentation-shift",
    expect: "apply",
    make(random, file) {
      if (unitOf(file.lines) === "\t") return undefined;
      return singleEdit(random, file, {
        drift: (parts) => {
          const all = [...parts.before, ...parts.old, ...parts.fresh, ...parts.after];
          const least = minIndent(all);
          const shift = least > 0 && random.chance(0.6) ? -least : random.pick([2, 4]);
          const move = (l: string): string => shiftIndent(l, shift);
          return { context: move, old: move, fresh: move };
        },
      });
    },
  },
  {
    name: "tabs-vs-spaces",
    expect: "apply",
    make(random, file) {
      const unit = unitOf(file.lines);
      if (unit === "\t") return undefined;
      const tabbed = withFile(file, { lines: file.lines.map((l) => spacesToTabs(l, unit.length)) });
      const width = random.pick([4, 4, 2]);
      const show = (l: string): string => tabsToSpaces(l, width);
      return singleEdit(random, tabbed, {
        drift: { context: show, old: show, fresh: show },
        accept: (parts) => [...parts.before, ...parts.old, ...parts.after].some((l) => l.startsWith("\t")),
      });
    },
  },
  {
    name: "indent-width-change",
    expect: "apply",
    make(random, file) {
      const unit = unitOf(file.lines);
      if (unit === "\t") return undefined;
      // The model re-indents at another width: 4-space code written with 2 spaces, or the reverse.
      const to = unit.length === 4 ? 2 : 4;
      const reindent = (l: string): string => {
        const cols = /^ */.exec(l)![0].length;
        return " ".repeat(Math.floor(cols / unit.length) * to + (cols % unit.length)) + l.slice(cols);
      };
      return singleEdit(random, file, {
        drift: { context: reindent, old: reindent, fresh: reindent },
        accept: (parts) => [...parts.before, ...parts.old, ...parts.after].some((l) => reindent(l) !== l),
      });
    },
  },
  { name: "crlf-file", expect: "apply", make: (random, file) => singleEdit(random, withFile(file, { eol: "\r\n" })) },
  { name: "bom-file", expect: "apply", make: (random, file) => singleEdit(random, withFile(file, { bom: true })) },
  {
    name: "unicode-quotes",
    expect: "apply",
    make: (random, file) =>
      singleEdit(random, file, {
        drift: { context: curlQuotes, old: curlQuotes, fresh: curlQuotes },
        accept: (parts) => [...parts.before, ...parts.old, ...parts.after].some((l) => /["']/.test(l)),
      }),
  },
  {
    name: "unicode-punctuation",
    expect: "apply",
    make(random, file) {
      const kind: LookAlike = random.pick(["nbsp", "nbsp", "dash", "ellipsis"]);
      const look = (l: string): string => useLookAlike(l, kind);
      return singleEdit(random, file, {
        drift: { context: look, old: look, fresh: look },
        accept: (parts) => [...parts.before, ...parts.old, ...parts.after].some((l) => look(l) !== l),
      });
    },
  },
  {
    name: "inner-whitespace",
    expect: "apply",
    make: (random, file) =>
      singleEdit(random, file, {
        drift: {
          context: (l, i) => (i === 0 || random.chance(0.6) ? driftInnerWhitespace(random, l) : l),
          old: (l) => driftInnerWhitespace(random, l),
        },
        accept: (parts) => [...parts.before, ...parts.old, ...parts.after].some((l) => / \S/.test(l.trim())),
      }),
  },
  {
    name: "blank-line-dropped",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [2, 6], after: [2, 6] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      // A blank line with context on both sides inside one context part: where it goes is then unambiguous.
      const inner = (lines: string[]): number[] => lines.flatMap((l, i) => (l.trim() === "" && i > 0 && i < lines.length - 1 && lines[i - 1]!.trim() !== "" && lines[i + 1]!.trim() !== "" ? [i] : []));
      const choices = [...inner(parts.before).map((i) => ["before", i] as const), ...inner(parts.after).map((i) => ["after", i] as const)];
      if (choices.length === 0) return undefined;
      const [part, index] = random.pick(choices);
      parts[part] = parts[part].filter((_, i) => i !== index);
      return caseFromParts(random, file, region, parts);
    },
  },
  {
    name: "blank-line-added",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [2, 4], after: [2, 4] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      const gaps = (lines: string[]): number[] => lines.flatMap((l, i) => (i > 0 && l.trim() !== "" && lines[i - 1]!.trim() !== "" ? [i] : []));
      const choices = [...gaps(parts.before).map((i) => ["before", i] as const), ...gaps(parts.after).map((i) => ["after", i] as const)];
      if (choices.length === 0) return undefined;
      const [part, index] = random.pick(choices);
      parts[part] = [...parts[part].slice(0, index), "", ...parts[part].slice(index)];
      return caseFromParts(random, file, region, parts);
    },
  },
  {
    name: "elision",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [6, 14], after: [1, 3] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      if (parts.before.length < 5) return undefined;
      let head = 2;
      while (head < parts.before.length - 2 && looseOccurrences(file.lines, parts.before.slice(0, head)) !== 1) head++;
      const first = parts.before.slice(0, head);
      const last = parts.before.slice(-1);
      const elided = parts.before.slice(head, -1);
      if (elided.length === 0 || nonBlank(first) === 0 || nonBlank(last) === 0) return undefined;
      const tail = [...last, ...parts.old, ...parts.after];
      if (looseOccurrences(file.lines, first) !== 1 || looseOccurrences(file.lines, tail) !== 1) return undefined;
      const indent = /^[ \t]*/.exec(elided.find((l) => l.trim() !== "") ?? "")![0];
      const marker = indent + random.pick(["// ...", "...", "// ... existing code ...", "/* ... */"]);
      const search = [...first, marker, ...tail];
      const replace = [...first, marker, ...last, ...parts.fresh, ...parts.after];
      const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
    },
  },
  {
    name: "blocks-out-of-order",
    expect: "apply",
    make(random, file) {
      const found = regions(random, file, random.int(2, 3));
      if (!found) return undefined;
      const blocks: ReplyBlock[] = found.map((r) => ({ path: file.name, ...searchAndReplace(partsOf(file.lines, r)) })).reverse();
      const reply = renderReply(blocks, randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, found.map((r) => r.edit))), lines: file.lines.length };
    },
  },
  {
    name: "multi-block-path-once",
    expect: "apply",
    make(random, file) {
      const found = regions(random, file, random.int(2, 4));
      if (!found) return undefined;
      const blocks: ReplyBlock[] = found.map((r) => ({ path: file.name, ...searchAndReplace(partsOf(file.lines, r)) }));
      const reply = renderReply(blocks, random.pick(["plain", "fenced", "chatty"] as const), true);
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, found.map((r) => r.edit))), lines: file.lines.length };
    },
  },
  {
    name: "mistyped-context",
    expect: "apply",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [2, 4], after: [2, 4] });
      if (!region) return undefined;
      const parts = partsOf(file.lines, region);
      const search = [...parts.before, ...parts.old, ...parts.after];
      const lines = search.flatMap((l, i) => (l.trim() !== "" ? [i] : []));
      if (lines.length < 4) return undefined;
      // A context line strictly between SEARCH's first and last non-blank lines: S index → context index.
      const before = parts.before.length;
      const removed = parts.old.length;
      const context = [...search.keys()].filter((i) => i < before || i >= before + removed);
      const candidates = context.filter((i) => i > lines[0]! && i < lines.at(-1)! && search[i]!.trim().length >= 10);
      if (candidates.length === 0) return undefined;
      const target = random.pick(candidates);
      const typed = typo(random, search[target]!);
      if (looseKey(typed) === looseKey(search[target]!)) return undefined;
      const contextIndex = target < before ? target : target - removed;
      return caseFromParts(random, file, region, drifted(parts, { context: (l, i) => (i === contextIndex ? typed : l) }));
    },
  },
  {
    name: "create-file",
    expect: "apply",
    make(random, file) {
      const start = random.int(0, Math.max(0, file.lines.length - 10));
      const content = file.lines.slice(start, start + random.int(5, 60));
      if (!expressible(content)) return undefined;
      const path = `src/generated/new-${random.int(1, 1e9)}.ts`;
      const reply = renderReply([{ path, search: [], replace: content }], randomStyle(random));
      return { files: tree(file), reply, expected: { [path]: content.map((l) => `${l}\n`).join("") }, lines: content.length };
    },
  },
  { name: "delete-code", expect: "apply", make: (random, file) => singleEdit(random, file, { region: { kinds: ["delete"] } }) },
];

