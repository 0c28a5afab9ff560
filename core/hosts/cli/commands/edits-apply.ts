/** `forklift edits apply`: apply SEARCH/REPLACE blocks to a directory, or (--jsonl) to in-memory files in batch. */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Command } from "commander";
import { z } from "zod";
import { ForkliftError } from "../../../../shared/errors.ts";
import type { FileChanges } from "../../../../shared/file-changes.ts";
import { applyEditsToDirectory, applyEditText } from "../../../edits/index.ts";
import type { ApplyResult, BlockMatch, DirectoryApplyResult } from "../../../edits/index.ts";
import { createPatchFromChanges } from "../../../patches/index.ts";
import { exitCodes } from "../exit-codes.ts";

/** The options `forklift edits apply` takes. */
export interface EditsApplyOptions {
  dir: string;
  dryRun?: boolean;
  jsonl?: boolean;
  baseline?: boolean;
}

/** What a run printed and how it ended, so tests can check it without a process. */
export interface CommandOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Adds `forklift edits apply` to the program. */
export function registerEditsCommand(program: Command): void {
  const edits = program.command("edits").description("SEARCH/REPLACE edit blocks");
  edits
    .command("apply")
    .description(
      "apply SEARCH/REPLACE blocks to a directory, all or nothing; on failure print the message meant for the model and exit 1",
    )
    .argument("[file]", "file holding the blocks (a model's reply); stdin when omitted or -")
    .option("-C, --dir <root>", "repository root the block paths are relative to", ".")
    .option("--dry-run", "place every block and print the unified diff, but write nothing")
    .option("--jsonl", 'batch mode: each input line is {"files": {path: content}, "edits": "<blocks>"}; prints one JSON result per line')
    .option("--baseline", "with --jsonl: use the exact-and-unique baseline applier, for comparison")
    .action(async (file: string | undefined, options: EditsApplyOptions) => {
      const input = file === undefined || file === "-" ? process.stdin : await openInput(file);
      if (options.jsonl) {
        process.exitCode = await runEditsBatch(input, async (line) => {
          if (!process.stdout.write(line)) await once(process.stdout, "drain");
        }, options);
        return;
      }
      const outcome = await runEditsApply(await readAll(input), options);
      process.stdout.write(outcome.stdout);
      process.stderr.write(outcome.stderr);
      process.exitCode = outcome.exitCode;
    });
}

/** Applies one reply's blocks to `options.dir` (or only shows the diff, with dryRun). */
export async function runEditsApply(text: string, options: EditsApplyOptions): Promise<CommandOutcome> {
  const info = await stat(options.dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new ForkliftError("invalid-input", `--dir ${options.dir} is not a directory`);
  const result = await applyEditsToDirectory(options.dir, text, { dryRun: options.dryRun === true });
  return describeDirectoryResult(result, options.dryRun === true);
}

function describeDirectoryResult(result: DirectoryApplyResult, dryRun: boolean): CommandOutcome {
  if (result.kind === "failed") {
    const failed = new Set(result.errors.map((e) => e.block)).size;
    return { stdout: `${result.message}\n`, stderr: `forklift: edits not applied: ${failed} block(s) failed\n`, exitCode: exitCodes.failure };
  }
  const placed = result.matches.map(describeMatch).join("");
  const files = Object.keys(result.changes).length;
  if (dryRun) {
    const diff = files > 0 ? createPatchFromChanges(result.originals, result.changes) : "";
    return { stdout: `${placed}${diff}dry run: ${files} file(s) would change, nothing written\n`, stderr: "", exitCode: exitCodes.ok };
  }
  return { stdout: `${placed}applied ${result.matches.length} block(s), wrote ${result.written.length} file(s)\n`, stderr: "", exitCode: exitCodes.ok };
}

function describeMatch(match: BlockMatch): string {
  const lines = match.firstLine === match.lastLine ? `line ${match.firstLine}` : `lines ${match.firstLine}-${match.lastLine}`;
  return `block ${match.block}: ${match.path} ${lines} (${match.strategy})\n`;
}

const batchRequest = z.object({ files: z.record(z.string(), z.string()), edits: z.string() });

/** One line of --jsonl output. */
export interface BatchResult {
  ok: boolean;
  files?: FileChanges;
  error?: string;
  /** The strategy that placed each block, in block order. */
  strategies?: string[];
}

/**
 * Batch mode: one request per input line, one result per output line, in order, so output line N
 * answers input line N. A bad or blank line gets an error result and the batch goes on; the exit
 * code is 0 once every line is answered.
 */
export async function runEditsBatch(input: Readable, write: (line: string) => Promise<void>, options: { baseline?: boolean }): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    await write(`${JSON.stringify(answer(line, number, options.baseline === true))}\n`);
  }
  return exitCodes.ok;
}

function answer(line: string, number: number, baseline: boolean): BatchResult {
  if (line.trim() === "") return { ok: false, error: `line ${number}: blank line; expected {"files": {path: content}, "edits": "<blocks>"}` };
  let request: z.infer<typeof batchRequest>;
  try {
    request = batchRequest.parse(JSON.parse(line));
  } catch (error) {
    const why = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ") : "not JSON";
    return { ok: false, error: `line ${number}: invalid request (${why}); expected {"files": {path: content}, "edits": "<blocks>"}` };
  }
  const files = Object.assign(Object.create(null) as Record<string, string>, request.files);
  return toBatchResult(applyEditText(files, request.edits, { baseline }));
}

function toBatchResult(result: ApplyResult): BatchResult {
  if (result.kind === "failed") return { ok: false, error: result.message };
  return { ok: true, files: { ...result.changes }, strategies: result.matches.map((m) => m.strategy) };
}

async function openInput(file: string): Promise<Readable> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ForkliftError("invalid-input", `cannot read edits file ${file}: not a file`);
  return createReadStream(file);
}

async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

