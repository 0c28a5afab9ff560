import type { BlockFailure, Excerpt, LineSpan } from "./block-error.ts";
import { assertNever } from "../../shared/assert-never.ts";
import { printable } from "./printable.ts";
import type { StrategyName } from "./strategies/strategy.ts";

/** Longer file lines are cut in excerpts. */
const maxLineWidth = 160;

const looseness: Record<StrategyName, string> = {
  "exact-text": "",
  "exact-lines": "",
  "trailing-whitespace": " (ignoring trailing whitespace)",
  indentation: " (ignoring indentation)",
  "normalized-whitespace": " (ignoring whitespace and quote or dash styles)",
  "blank-lines": " (ignoring blank lines)",
  elision: " (its pieces around `...` fit in several ways)",
  fragment: " (as part of a line)",
  fuzzy: " (approximately)",
  "stale-context": " (approximately)",
};

/** The model-readable text for one failed block: what happened, the file's real lines when useful, what to resend. */
export function formatBlockError(block: number | undefined, path: string | undefined, failure: BlockFailure): string {
  const who = block === undefined ? "Your reply" : `Block ${block}`;
  const file = path === undefined ? "the file" : printable(path);
  const resend = block === undefined ? "resend the blocks" : `resend block ${block}`;
  switch (failure.kind) {
    case "malformed":
      return `${who} is malformed (line ${failure.line} of your reply): ${failure.detail}.`;
    case "path-refused":
      return `${who}: path \`${file}\` is refused: ${failure.reason}.`;
    case "unreadable":
      return `${who}: ${file} cannot be edited: ${failure.reason}.`;
    case "file-missing":
      return (
        `${who}: ${file} does not exist. To create it, send the block with an empty SEARCH; to edit a file, ` +
        `use its exact path${failure.suggestion ? ` (did you mean ${failure.suggestion}?)` : ""}.`
      );
    case "file-exists":
      return (
        `${who}: SEARCH is empty, but ${file} already exists` +
        `${failure.createdBy !== undefined ? ` (block ${failure.createdBy} creates it)` : ""}. To add code, put the existing ` +
        `lines next to the new code in SEARCH and repeat them in REPLACE around it.`
      );
    case "not-found":
      return failure.excerpt
        ? `${who}: SEARCH was not found in ${file}. The closest lines are (> marks lines that differ from SEARCH):\n` +
            `${formatExcerpt(failure.excerpt)}\nCopy SEARCH exactly from the file's current lines (whole lines) and ${resend}.`
        : `${who}: SEARCH was not found in ${file}, and no line of it resembles the file. Check the path, ` +
            `copy SEARCH from the file's current text and ${resend}.`;
    case "stale":
      return (
        `${who}: SEARCH was not found in ${file}: lines ${span(excerptSpan(failure.excerpt))} match it except ` +
        `${failure.changedLines.length === 1 ? "line" : "lines"} ${failure.changedLines.join(", ")}, which this block changes and ` +
        `which the file has differently. The file has probably changed since you read it; its current lines are:\n` +
        `${formatExcerpt(failure.excerpt)}\nRebuild the block from these lines and ${resend}.`
      );
    case "ambiguous":
      return (
        `${who}: SEARCH matches ${failure.count} places in ${file}${looseness[failure.strategy]}, at lines ` +
        `${failure.places.map(span).join(", ")}${failure.count > failure.places.length ? ", …" : ""}. Add lines above or ` +
        `below it that occur only at the place you mean, and ${resend}.`
      );
    case "overlap":
      return (
        `${who}: its lines ${span(failure.span)} of ${file} overlap block ${failure.other} (lines ` +
        `${span(failure.otherSpan)}). Blocks are placed in the original file and must not overlap: merge the two ` +
        `into one block and resend it.`
      );
    case "placeholder":
      return (
        `${who}: REPLACE line ${failure.line} is a placeholder (\`${failure.text}\`), not code. REPLACE is written ` +
        `literally, so this would delete the code it stands for. Write that code out in full, or shrink SEARCH to ` +
        `the lines you change, and ${resend}.`
      );
    case "unclear-indentation":
      return (
        `${who}: SEARCH matched ${failure.span.first === failure.span.last ? "line" : "lines"} ${span(failure.span)} of ${file} only with different indentation, and the ` +
        `indentation of REPLACE's new lines cannot be worked out from it. Copy SEARCH's lines from the file with ` +
        `their exact indentation, indent REPLACE the same way, and ${resend}.`
      );
    case "elision-mismatch":
      return (
        `${who}: SEARCH has ${plural(failure.searchCount, "`...` line")} but REPLACE has ${failure.replaceCount}. ` +
        `Each \`...\` in SEARCH needs a \`...\` in REPLACE at the same place (the code it stands for is kept as it ` +
        `is); or write SEARCH without \`...\`, and ${resend}.`
      );
    case "line-numbers":
      return failure.claimed === undefined || failure.found === undefined
        ? `${who}: SEARCH's lines start with line numbers, and only some of REPLACE's lines do, so which lines are code cannot ` +
            `be told. Copy the lines without their numbers and ${resend}.`
        : `${who}: SEARCH's lines start with line numbers (\`${failure.style.replace(/\t/g, "\\t")}\`) saying lines ${span(failure.claimed)}, ` +
            `but without them SEARCH is at lines ${span(failure.found)} of ${file}. Line numbers are not part of the file: copy ` +
            `SEARCH and REPLACE without them, from the file's current lines, and ${resend}.`;
    case "quotes-earlier-block":
      return (
        `${who}: SEARCH has the line \`${printable(failure.line.trim())}\`, which ${file} does not have but block ${failure.other} adds, ` +
        `and the blocks do not apply one after another either. Write each SEARCH from the file's current lines (or merge ` +
        `the two changes into one block) and ${resend}.`
      );
    default:
      return assertNever(failure, "block failure");
  }
}

/** File lines with their 1-based numbers, "> " marking lines that differ from SEARCH. */
export function formatExcerpt(excerpt: Excerpt): string {
  const last = excerpt.first + excerpt.lines.length - 1;
  const width = String(last).length;
  const differing = new Set(excerpt.differing ?? []);
  return excerpt.lines
    .map((line, i) => {
      const number = excerpt.first + i;
      const shown = line.length > maxLineWidth ? `${line.slice(0, maxLineWidth)}…` : line;
      return `${differing.has(number) ? ">" : " "} ${String(number).padStart(width)} | ${shown}`;
    })
    .join("\n");
}

function excerptSpan(excerpt: Excerpt): LineSpan {
  return { first: excerpt.first, last: excerpt.first + excerpt.lines.length - 1 };
}

function span(range: LineSpan): string {
  return range.first === range.last ? String(range.first) : `${range.first}-${range.last}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
