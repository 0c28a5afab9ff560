import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { exactOccurrences, looseKey, looseOccurrences } from "./loose-match.ts";
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
import type { Random } from "./random.ts";
import { randomStyle, renderReply } from "./render-reply.ts";
import type { ReplyBlock } from "./render-reply.ts";
import { textOf } from "./source-files.ts";
import type { SourceFile } from "./source-files.ts";
import { applyTrueEdits, expressible, makeRegion, mutateLine, partsOf, searchAndReplace, unitOf } from "./true-edits.ts";
import type { BlockParts, EditRegion, RegionOptions } from "./true-edits.ts";

/** What a case class produces: the files, the model's reply, and (for should-apply) the exact expected changes. */
export interface CaseBody {
  files: FileTree;
  reply: string;
  expected?: FileChanges;
  /** The size of the edited file, for the timing buckets. */
  lines: number;
}

/** A family of cases with the outcome every one of them must have. */
export interface CaseClass {
  name: string;
  expect: "apply" | "reject";
  make(random: Random, file: SourceFile, pool: readonly SourceFile[]): CaseBody | undefined;
}

interface Drift {
  /** Applied to context lines, in SEARCH and REPLACE alike (the model copies them once). */
  context?: (line: string, index: number) => string;
  /** Applied to the lines the edit removes, as SEARCH quotes them. */
  old?: (line: string) => string;
  /** Applied to the model's new lines. */
  fresh?: (line: string) => string;
}

function drifted(parts: BlockParts, drift: Drift): BlockParts {
  const context = drift.context ?? ((l: string) => l);
  let i = 0;
  return {
    before: parts.before.map((l) => context(l, i++)),
    old: parts.old.map(drift.old ?? ((l) => l)),
    fresh: parts.fresh.map(drift.fresh ?? ((l) => l)),
    after: parts.after.map((l) => context(l, i++)),
  };
}

function tree(file: SourceFile, lines: readonly string[] = file.lines): FileTree {
  return { [file.name]: textOf(file, lines) };
}

/** One block for one true edit, with optional drift and a check on the region. */
function singleEdit(
  random: Random,
  file: SourceFile,
  options: { drift?: Drift | ((parts: BlockParts) => Drift | undefined); region?: RegionOptions; accept?: (parts: BlockParts, region: EditRegion) => boolean } = {},
): CaseBody | undefined {
  const region = makeRegion(random, file.lines, options.region);
  if (!region) return undefined;
  const exact = partsOf(file.lines, region);
  if (options.accept && !options.accept(exact, region)) return undefined;
  const drift = typeof options.drift === "function" ? options.drift(exact) : options.drift;
  if (drift === undefined && typeof options.drift === "function") return undefined;
  const { search, replace } = searchAndReplace(drift ? drifted(exact, drift) : exact);
  const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
  return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
}

/** Several non-overlapping true edits in one file. */
function regions(random: Random, file: SourceFile, count: number): EditRegion[] | undefined {
  const found: EditRegion[] = [];
  for (let i = 0; i < count; i++) {
    const region = makeRegion(random, file.lines, { avoid: (from, to) => found.some((r) => from <= r.to && r.from <= to) });
    if (!region) return undefined;
    found.push(region);
  }
  return found.sort((a, b) => a.from - b.from);
}

const withFile = (file: SourceFile, change: Partial<SourceFile>): SourceFile => ({ ...file, ...change });
const nonBlank = (lines: readonly string[]): number => lines.filter((l) => l.trim() !== "").length;

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
      const { search, replace } = searchAndReplace(parts);
      const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
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
      const { search, replace } = searchAndReplace(parts);
      const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
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
      const drift: Drift = { context: (l, i) => (i === contextIndex ? typed : l) };
      const { search: s, replace: r } = searchAndReplace(drifted(parts, drift));
      const reply = renderReply([{ path: file.name, search: s, replace: r }], randomStyle(random));
      return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
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

const placeholders = ["// ... rest of code ...", "// existing code", "// ... (unchanged)", "/* ... */", "// rest of the function stays the same", "// ..."];
const hostilePaths = ["../outside.ts", "../../etc/passwd", "/etc/passwd", ".git/config", ".git/hooks/pre-commit", "node_modules/.bin/tsc", "src/../../escape.ts", "C:\\Windows\\evil.ts", "~/.bashrc"];

/** A block that would apply, rendered with a different path or cut short, for the reject classes. */
function exactBlock(random: Random, file: SourceFile): { region: EditRegion; block: ReplyBlock } | undefined {
  const region = makeRegion(random, file.lines);
  if (!region) return undefined;
  return { region, block: { path: file.name, ...searchAndReplace(partsOf(file.lines, region)) } };
}

/** Every should-reject class. */
export const rejectClasses: CaseClass[] = [
  {
    name: "ambiguous-target",
    expect: "reject",
    make(random, file) {
      for (let attempt = 0; attempt < 200; attempt++) {
        const start = random.int(0, file.lines.length - 1);
        const snippet = file.lines.slice(start, start + random.int(1, 3));
        if (snippet.some((l) => l.trim() === "") || snippet[0]!.trim().length < 6 || !expressible(snippet)) continue;
        if (exactOccurrences(file.lines, snippet) < 2) continue;
        const replace = [mutateLine(random, snippet[0]!), ...snippet.slice(1)];
        return { files: tree(file), reply: renderReply([{ path: file.name, search: snippet, replace }], randomStyle(random)), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "ambiguous-with-drift",
    expect: "reject",
    make(random, file) {
      // Text found twice, byte for byte, then drifted: both places fit it equally at every tolerance.
      for (let attempt = 0; attempt < 200; attempt++) {
        const start = random.int(0, file.lines.length - 1);
        const snippet = file.lines.slice(start, start + random.int(1, 4));
        if (snippet.some((l) => l.trim() === "") || snippet[0]!.trim().length < 6 || !expressible(snippet)) continue;
        if (exactOccurrences(file.lines, snippet) < 2) continue;
        const drift = random.pick([
          (l: string) => addTrailingWhitespace(random, l),
          (l: string) => shiftIndent(l, random.pick([-2, 2, 4])),
          (l: string) => driftInnerWhitespace(random, l),
          (l: string) => curlQuotes(l),
          (l: string) => tabsToSpaces(spacesToTabs(l, 2), 3),
        ]);
        const search = snippet.map(drift);
        if (exactOccurrences(file.lines, search) > 0) continue;
        const replace = [mutateLine(random, search[0]!), ...search.slice(1)];
        return { files: tree(file), reply: renderReply([{ path: file.name, search, replace }], randomStyle(random)), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "absent-text",
    expect: "reject",
    make(random, file, pool) {
      const other = random.pick(pool);
      if (other === file) return undefined;
      const keys = new Set(file.lines.map(looseKey));
      for (let attempt = 0; attempt < 50; attempt++) {
        const start = random.int(0, other.lines.length - 1);
        const snippet = other.lines.slice(start, start + random.int(2, 5));
        if (nonBlank(snippet) < 2 || !expressible(snippet) || snippet.some((l) => l.trim() !== "" && keys.has(looseKey(l)))) continue;
        const replace = [mutateLine(random, snippet[0]!), ...snippet.slice(1)];
        return { files: tree(file), reply: renderReply([{ path: file.name, search: snippet, replace }], randomStyle(random)), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "stale-conflicting-context",
    expect: "reject",
    make(random, file) {
      const region = makeRegion(random, file.lines, { kinds: ["modify", "delete", "replace"] });
      if (!region) return undefined;
      // Someone changed a line this edit rewrites since the model read the file.
      const t = region.edit.start;
      const current = [...file.lines];
      current[t] = mutateLine(random, file.lines[t]!, "Renamed");
      if (looseKey(current[t]!) === looseKey(file.lines[t]!)) return undefined;
      const { search, replace } = searchAndReplace(partsOf(file.lines, region));
      const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
      return { files: tree(file, current), reply, lines: file.lines.length };
    },
  },
  {
    name: "replace-only-placeholder",
    expect: "reject",
    make(random, file) {
      const region = makeRegion(random, file.lines, { before: [1, 3], after: [1, 3], kinds: ["modify", "replace"] });
      if (!region) return undefined;
      const { search } = searchAndReplace(partsOf(file.lines, region));
      if (search.length < 3) return undefined;
      const indent = /^[ \t]*/.exec(search[1]!)![0];
      const replace = [search[0]!, indent + random.pick(placeholders), search.at(-1)!];
      return { files: tree(file), reply: renderReply([{ path: file.name, search, replace }], randomStyle(random)), lines: file.lines.length };
    },
  },
  {
    name: "overlapping-blocks",
    expect: "reject",
    make(random, file) {
      const first = makeRegion(random, file.lines, { after: [2, 4] });
      if (!first) return undefined;
      // A second edit just after the first one's SEARCH, whose SEARCH reaches back into it.
      const second = makeRegion(random, file.lines, {
        before: [1, 3],
        avoid: (from, to) => !(from > first.from && from < first.to && to > first.to),
      });
      if (!second || second.edit.start < first.to) return undefined;
      const blocks = [first, second].map((r) => ({ path: file.name, ...searchAndReplace(partsOf(file.lines, r)) }));
      return { files: tree(file), reply: renderReply(random.chance(0.5) ? blocks : blocks.reverse(), randomStyle(random)), lines: file.lines.length };
    },
  },
  {
    name: "path-escape",
    expect: "reject",
    make(random, file) {
      const path = random.pick(hostilePaths);
      const exact = exactBlock(random, file);
      if (!exact) return undefined;
      const block = random.chance(0.3) ? { path, search: [], replace: ["pwned();"] } : { ...exact.block, path };
      return { files: { ...tree(file), [path]: textOf(file) }, reply: renderReply([block], randomStyle(random)), lines: file.lines.length };
    },
  },
  {
    name: "truncated-block",
    expect: "reject",
    make(random, file) {
      const exact = exactBlock(random, file);
      if (!exact) return undefined;
      const reply = renderReply([exact.block], randomStyle(random));
      const from = reply.indexOf("<<<<<<< SEARCH") + 15;
      const to = reply.indexOf(">>>>>>> REPLACE");
      return { files: tree(file), reply: reply.slice(0, random.int(from, to - 1)), lines: file.lines.length };
    },
  },
  {
    name: "missing-file",
    expect: "reject",
    make(random, file) {
      const exact = exactBlock(random, file);
      if (!exact) return undefined;
      const block = { ...exact.block, path: `src/missing/${random.int(1, 1e6)}-${file.name.split("/").pop()}` };
      return { files: tree(file), reply: renderReply([block], randomStyle(random)), lines: file.lines.length };
    },
  },
  {
    name: "elision-ambiguous",
    expect: "reject",
    make(random, file) {
      for (let attempt = 0; attempt < 60; attempt++) {
        const t = random.int(0, file.lines.length - 1);
        const head = file.lines[t]!;
        if (head.trim().length < 6 || !expressible([head]) || looseOccurrences(file.lines, [head]) !== 1) continue;
        // A short closing line that occurs at least twice after the head: `...` could end at either.
        const later = file.lines.slice(t + 2);
        const closer = later.find((l) => /^\s*[})\]];?,?$/.test(l) && exactOccurrences(later, [l]) >= 2);
        if (!closer) continue;
        const indent = /^[ \t]*/.exec(head)![0];
        const search = [head, `${indent}// ...`, closer];
        const replace = [mutateLine(random, head), `${indent}// ...`, closer];
        return { files: tree(file), reply: renderReply([{ path: file.name, search, replace }], randomStyle(random)), lines: file.lines.length };
      }
      return undefined;
    },
  },
  {
    name: "empty-search-existing-file",
    expect: "reject",
    make(random, file) {
      const block = { path: file.name, search: [], replace: [mutateLine(random, "export const added = 1;")] };
      return { files: tree(file), reply: renderReply([block], randomStyle(random)), lines: file.lines.length };
    },
  },
];
