import { exactOccurrences, looseKey, looseOccurrences } from "./loose-match.ts";
import { addTrailingWhitespace, curlQuotes, driftInnerWhitespace, shiftIndent, spacesToTabs, tabsToSpaces } from "./perturb-lines.ts";
import type { Random } from "./random.ts";
import { randomStyle, renderReply } from "./render-reply.ts";
import type { ReplyBlock } from "./render-reply.ts";
import { nonBlank, tree } from "./case-class.ts";
import type { CaseClass } from "./case-class.ts";
import { textOf } from "./source-files.ts";
import type { SourceFile } from "./source-files.ts";
import { expressible, makeRegion, mutateLine, partsOf, searchAndReplace } from "./true-edits.ts";
import type { EditRegion } from "./true-edits.ts";

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
