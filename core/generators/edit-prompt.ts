/**
 * The llm generator's prompt. Laid out for provider prompt caching: the system message, the goal,
 * the file excerpts, the sites and the diagnostics come first and are byte-identical for every
 * sibling of a node; only the tail (user hint, sample index) varies. OpenAI, vLLM and llama.cpp
 * reuse the longest previously seen prefix, so K samples pay for the files about once.
 */
import { createHash } from "node:crypto";
import type { GeneratorContext, GeneratorDiagnostic, GeneratorSite } from "./generator.ts";
import { defaultExcerptOptions, lineExcerpt } from "./line-excerpt.ts";
import type { ExcerptOptions, LineSpan } from "./line-excerpt.ts";

/** A chat message as the chat-completions protocol takes it. */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** The instructions and the format of the reply; the first bytes of every prompt. */
export const editSystemPrompt = `You are a careful software engineer carrying out one step of a large code migration.
You change code only by replying with SEARCH/REPLACE blocks, in this exact format:

path/to/file.ts
<<<<<<< SEARCH
lines copied exactly from the current file
=======
the lines that replace them
>>>>>>> REPLACE

Rules:
- The first line of a block is the file's path, exactly as shown in the prompt, alone on its line.
- SEARCH text must match the file's current content exactly, including indentation and comments: copy whole lines from the excerpts, which show the file's lines as they are. Never add line numbers.
- SEARCH must match exactly one place in the file: include a few unchanged lines around the change when a line alone is not unique. Keep blocks small; use several blocks for several places.
- To add lines (an import, say), SEARCH for the neighbouring lines and repeat them in REPLACE with the new lines.
- To create a new file, use an empty SEARCH section.
- Change only what the goal requires; keep the code style of the file.
- Reply with SEARCH/REPLACE blocks only. No explanations, no whole files.`;

/** Options for {@link buildEditPrompt}. */
export interface EditPromptOptions {
  excerpt?: ExcerptOptions;
  /** Diagnostics beyond this many are summarised by a count, to bound the prompt. */
  maxDiagnostics?: number;
}

/** The messages of one sample's first call, and the part its siblings share. */
export interface EditPrompt {
  messages: ChatMessage[];
  /** The text every sibling's user message starts with (system message excluded). */
  sharedPrefix: string;
}

/**
 * Reads the files the sites are in and renders the shared part of the prompt once per node;
 * {@link buildEditPrompt} then adds each sample's tail.
 */
export async function buildSharedPrompt(
  context: Pick<GeneratorContext, "goal" | "sites" | "files" | "diagnostics">,
  options: EditPromptOptions = {},
): Promise<string> {
  const excerptOptions = options.excerpt ?? defaultExcerptOptions;
  const maxDiagnostics = options.maxDiagnostics ?? 30;
  const byFile = groupSitesByFile(context.sites);
  const parts: string[] = [`# Goal\n${context.goal.trim()}`];

  parts.push("# Files\nEach excerpt shows a run of the file's lines exactly as they are; its heading says which lines they are.");
  for (const [file, sites] of byFile) {
    const content = await context.files(file);
    if (content === undefined) {
      parts.push(`## ${file}\n(this file does not exist in the current state)`);
      continue;
    }
    const spans: LineSpan[] = sites.map((s) => ({ start: s.range.start.line, end: s.range.end.line }));
    parts.push(`## ${file}\n${lineExcerpt(content, spans, excerptOptions, fenceLanguage(file))}`);
  }

  const siteLines = context.sites.map((site, i) => {
    const where = `${site.file}:${site.range.start.line}${site.range.end.line > site.range.start.line ? `-${site.range.end.line}` : ""}`;
    const rule = site.ruleId ? ` (${site.ruleId})` : "";
    return `${i + 1}. ${where}${rule}: ${oneLine(site.text)}`;
  });
  parts.push(`# Target sites to change in this step (${context.sites.length})\n${siteLines.join("\n")}`);
  parts.push(`# Diagnostics of the current state\n${renderDiagnostics(context.diagnostics, maxDiagnostics)}`);
  parts.push("# Task\nChange every target site listed above so the code moves toward the goal and still compiles. Reply with SEARCH/REPLACE blocks only.");
  return parts.join("\n\n");
}

/** The full first-call messages for sample `sample` of `k`: the shared part, then the hint and sample index. */
export function buildEditPrompt(shared: string, tail: { sample: number; k: number; hint?: string }): EditPrompt {
  const varying: string[] = [];
  if (tail.hint?.trim()) varying.push(`Hint from the user: ${tail.hint.trim()}`);
  varying.push(`(Sample ${tail.sample + 1} of ${tail.k}.)`);
  const sharedPrefix = `${shared}\n\n`;
  return {
    messages: [
      { role: "system", content: editSystemPrompt },
      { role: "user", content: `${sharedPrefix}${varying.join("\n")}` },
    ],
    sharedPrefix,
  };
}

/** The follow-up user turn of the repair round: the applier's (or parser's) error, verbatim. */
export function repairMessage(error: string): ChatMessage {
  return {
    role: "user",
    content: `Your edits could not be applied:\n\n${error.trim()}\n\nReply again with SEARCH/REPLACE blocks for every change this step needs (all of them, not only the failed ones), each SEARCH copied exactly from the current file.`,
  };
}

/** sha256 (hex) of the exact messages, for provenance and reproducibility. */
export function promptHash(messages: readonly ChatMessage[]): string {
  return createHash("sha256").update(JSON.stringify(messages)).digest("hex");
}

function groupSitesByFile(sites: readonly GeneratorSite[]): Map<string, GeneratorSite[]> {
  const byFile = new Map<string, GeneratorSite[]>();
  for (const site of sites) {
    const list = byFile.get(site.file);
    if (list) list.push(site);
    else byFile.set(site.file, [site]);
  }
  return byFile;
}

function renderDiagnostics(diagnostics: readonly GeneratorDiagnostic[], max: number): string {
  if (diagnostics.length === 0) return "none";
  const lines = diagnostics.slice(0, max).map((d) => {
    const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : ""}: ` : "";
    return `- ${where}${oneLine(d.message)}`;
  });
  if (diagnostics.length > max) lines.push(`- … and ${diagnostics.length - max} more`);
  return lines.join("\n");
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

function fenceLanguage(file: string): string {
  const ext = file.slice(file.lastIndexOf(".") + 1);
  return /^[a-z0-9]+$/i.test(ext) ? ext : "";
}
