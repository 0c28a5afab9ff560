#!/usr/bin/env node
/**
 * Forklift's warm type-checker: runs inside a checkpoint's sandbox (cwd = repository root), loads
 * the repository's OWN `typescript` and tsconfig, builds the program once, then answers JSON-lines
 * requests on stdin with the diagnostics of the files an in-memory overlay affects. Each overlay
 * is dropped after its request, so every request is judged against the same baseline.
 *
 * Plain JavaScript with no dependencies: it must run under whatever Node the sandbox has.
 * stdout carries protocol lines only; logs go to stderr.
 *
 * Protocol (one JSON object per line):
 *   agent → {"kind":"hello","protocol":1,"typescript":"5.9.3"|null,...}   once, after the baseline
 *   → {"id":1,"overlay":{"src/a.ts":"…","src/b.ts":null}}   ← {"kind":"result","id":1,"diagnostics":[…],"files":[…],"ms":12,"cpuMs":11}
 *   → {"id":2,"baseline":true}                              ← {"kind":"result","id":2,…} (every baseline diagnostic)
 *   → {"id":3,"cancel":1}                                   ← {"kind":"error","id":1,"code":"cancelled",…} and {"kind":"cancel-ack","id":3,"target":1,"found":true}
 *   anything malformed                                      ← {"kind":"error","id":<id if any>,"code":"bad-request","message":"…"}
 *
 * Results equal `tsc --noEmit` restricted to the reported files, including tsc's gating: when any
 * file has a syntax error tsc reports syntax errors only, and semantic errors only when options
 * and global diagnostics are clean.
 */
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

// ---- output discipline: the real stdout is reserved for protocol lines --------------------------
const writeProtocol = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
console.log = console.info = console.debug = console.error;
process.stdout.on("error", () => process.exit(0)); // the driver went away

/** Writes one protocol line. */
function send(message) {
  writeProtocol(JSON.stringify(message) + "\n");
}

/** Logs a line to stderr. */
function log(text) {
  process.stderr.write(`typecheck-agent: ${text}\n`);
}

// ---- arguments ---------------------------------------------------------------------------------
const args = parseArgs(process.argv.slice(2));
const root = path.resolve(args.root ?? process.cwd()).split(path.sep).join("/");
const maxLineBytes = Number(args["max-line-mb"] ?? 256) * 1024 * 1024;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) continue;
    out[arg.slice(2)] = argv[i + 1] ?? "";
    i++;
  }
  return out;
}

// ---- load the repository's TypeScript ----------------------------------------------------------
let ts;
let typescriptPath;
try {
  const requireFromRepo = createRequire(path.join(root, "__forklift_typecheck_agent__.js"));
  typescriptPath = requireFromRepo.resolve("typescript");
  ts = requireFromRepo("typescript");
} catch (error) {
  send({ kind: "hello", protocol: 1, typescript: null, reason: "no-typescript", detail: firstLine(error), pid: process.pid });
  process.exit(0);
}
if (typeof ts.createProgram !== "function" || !ts.sys) {
  // TypeScript 7 is the native compiler: its package exports no compiler API to load
  const version = typeof ts.version === "string" ? ts.version : "unknown";
  const detail = `TypeScript ${version} has no JavaScript compiler API (7.x is the native compiler); the fast tier needs TypeScript 4.5 to 6.x`;
  send({ kind: "hello", protocol: 1, typescript: version, tsconfig: null, reason: "no-compiler-api", detail, pid: process.pid });
  process.exit(0);
}

const sys = ts.sys;
const caseSensitive = sys.useCaseSensitiveFileNames;
const canonical = (file) => (caseSensitive ? file : file.toLowerCase());
const configPath = args.project
  ? path.posix.resolve(root, args.project)
  : ts.findConfigFile(root, sys.fileExists, "tsconfig.json");
if (!configPath || !sys.fileExists(configPath)) {
  send({ kind: "hello", protocol: 1, typescript: ts.version, tsconfig: null, reason: "no-tsconfig", detail: `no tsconfig found from ${root}`, pid: process.pid });
  process.exit(0);
}

// ---- file views: the disk, or the disk under an overlay ----------------------------------------
/** Source files read from disk, shared by every program: parsing and binding happen once. */
const diskSourceFiles = new Map();
const hashText = (text) => createHash("sha1").update(text).digest("hex");

/** A read-only view of the repository with an overlay (absolute path → content, or null = deleted). */
function createView(overlay) {
  const added = [...overlay].filter(([file, text]) => text !== null && !sys.fileExists(file)).map(([file]) => file);
  const touchesTree = added.length > 0 || [...overlay.values()].includes(null);
  const fileExists = (file) => {
    const text = overlay.get(file);
    return text === undefined ? sys.fileExists(file) : text !== null;
  };
  const readFile = (file) => {
    const text = overlay.get(file);
    return text === undefined ? sys.readFile(file) : (text ?? undefined);
  };
  const directoryExists = (dir) => sys.directoryExists(dir) || added.some((file) => file.startsWith(dir.replace(/\/?$/, "/")));
  const entries = (dir) => {
    const files = new Set();
    const directories = new Set();
    let dirents = [];
    try {
      dirents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // a directory that exists only in the overlay
    }
    for (const dirent of dirents) {
      let kind = dirent;
      if (dirent.isSymbolicLink()) {
        try {
          kind = fs.statSync(path.join(dir, dirent.name));
        } catch {
          continue;
        }
      }
      if (kind.isFile()) files.add(dirent.name);
      else if (kind.isDirectory()) directories.add(dirent.name);
    }
    const prefix = dir.replace(/\/?$/, "/");
    for (const [file, text] of overlay) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length).split("/");
      if (rest.length > 1) {
        if (text !== null) directories.add(rest[0]);
      } else if (text === null) files.delete(rest[0]);
      else files.add(rest[0]);
    }
    return { files: [...files], directories: [...directories] };
  };
  const readDirectory = (dir, extensions, excludes, includes, depth) => {
    if (!touchesTree) return sys.readDirectory(dir, extensions, excludes, includes, depth);
    if (typeof ts.matchFiles === "function") {
      return ts.matchFiles(dir, extensions, excludes, includes, caseSensitive, root, depth, entries, (p) => (sys.realpath ? sys.realpath(p) : p));
    }
    // Older or future TypeScript without matchFiles: disk listing, minus deletions, plus additions by extension.
    const listed = sys.readDirectory(dir, extensions, excludes, includes, depth).filter(fileExists);
    const extra = added.filter((file) => !file.includes("/node_modules/") && (extensions ?? []).some((ext) => file.endsWith(ext)));
    return [...new Set([...listed, ...extra])];
  };
  return { overlay, fileExists, readFile, directoryExists, readDirectory, entries };
}

/** Parses the tsconfig through a view; `inputs` lists the files the parse read (tsconfig and its extends chain). */
function parseConfig(view) {
  const inputs = new Set();
  const errors = [];
  const host = {
    useCaseSensitiveFileNames: caseSensitive,
    getCurrentDirectory: () => root,
    fileExists: view.fileExists,
    readFile: (file) => (inputs.add(file), view.readFile(file)),
    readDirectory: view.readDirectory,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => errors.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: true }, host);
  if (!parsed) return { fileNames: [], options: { noEmit: true }, errors, inputs, projectReferences: undefined };
  return { fileNames: parsed.fileNames, options: parsed.options, errors: [...errors, ...parsed.errors], inputs, projectReferences: parsed.projectReferences };
}

/**
 * A compiler host over a view: overlay files are parsed per request, disk files once (unless the
 * overlay changed the compiler options, which can change how a file parses).
 */
function createHost(options, view, shareDiskCache = true) {
  const base = ts.createCompilerHost(options, false);
  const perRequest = new Map();
  const getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const fromOverlay = view.overlay.get(fileName);
    const settings = typeof languageVersionOrOptions === "object"
      ? `${languageVersionOrOptions.languageVersion}|${languageVersionOrOptions.impliedNodeFormat}|${languageVersionOrOptions.jsDocParsingMode}`
      : String(languageVersionOrOptions);
    const key = `${canonical(fileName)}|${settings}`;
    if (fromOverlay === null) return undefined;
    const cache = fromOverlay !== undefined || shouldCreateNewSourceFile || !shareDiskCache ? perRequest : diskSourceFiles;
    let sourceFile = cache.get(key);
    if (sourceFile) return sourceFile;
    const text = fromOverlay ?? sys.readFile(fileName);
    if (text === undefined) {
      onError?.(`file not found: ${fileName}`);
      return undefined;
    }
    sourceFile = ts.createSourceFile(fileName, text, languageVersionOrOptions, false);
    sourceFile.version = hashText(text);
    cache.set(key, sourceFile);
    return sourceFile;
  };
  return {
    ...base,
    getSourceFile,
    fileExists: view.fileExists,
    readFile: view.readFile,
    directoryExists: view.directoryExists,
    getDirectories: (dir) => view.entries(dir).directories,
    writeFile: () => {},
    getCurrentDirectory: () => root,
  };
}

// ---- diagnostics on the wire -------------------------------------------------------------------
const categories = { 0: "warning", 1: "error", 2: "suggestion", 3: "message" };

/** A repository-relative POSIX path for reports (absolute when outside the repository). */
function relative(file) {
  return file.startsWith(root + "/") ? file.slice(root.length + 1) : file;
}

/** Sorts like tsc and converts to the wire shape (1-based line and column). */
function toWire(diagnostics) {
  return ts.sortAndDeduplicateDiagnostics(diagnostics).map((d) => {
    const wire = { code: d.code, category: categories[d.category] ?? "error", message: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
    if (d.file) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      return { file: relative(d.file.fileName), line: line + 1, column: character + 1, ...wire };
    }
    return wire;
  });
}

// ---- the baseline ------------------------------------------------------------------------------
// TypeScript before 5.0 asks the builder's host (not the program's) whether file names are case sensitive.
const builderHost = { useCaseSensitiveFileNames: () => caseSensitive, createHash: sys.createHash ? (text) => sys.createHash(text) : undefined };
let baseline;
try {
  baseline = buildBaseline();
} catch (error) {
  // say why, once, instead of dying with a stack only the logs see (e.g. an API this TypeScript lacks)
  log(`the baseline failed: ${error instanceof Error ? error.stack : String(error)}`);
  send({ kind: "hello", protocol: 1, typescript: ts.version, tsconfig: relative(configPath), reason: "baseline-failed", detail: `TypeScript ${ts.version} could not build the baseline: ${firstLine(error)}`, pid: process.pid });
  process.exit(0);
}

function buildBaseline() {
  const started = performance.now();
  const view = createView(new Map());
  const config = parseConfig(view);
  const host = createHost(config.options, view);
  // A builder over an empty program as the "previous" state: without one, TypeScript records file
  // versions instead of declaration signatures on a first build, and the first edit would then
  // look like an API change of every file it touches, re-checking all their importers.
  const empty = ts.createProgram({ rootNames: [], options: config.options, host });
  const primer = ts.createSemanticDiagnosticsBuilderProgram(empty, builderHost);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host,
    configFileParsingDiagnostics: config.errors,
    projectReferences: config.projectReferences,
  });
  const builder = ts.createSemanticDiagnosticsBuilderProgram(program, builderHost, primer, config.errors);
  builder.getSemanticDiagnostics(); // the full check; fills the per-file cache later requests reuse
  const syntacticByFile = new Map();
  for (const sourceFile of program.getSourceFiles()) {
    const syntactic = program.getSyntacticDiagnostics(sourceFile);
    if (syntactic.length) syntacticByFile.set(sourceFile.fileName, syntactic.length);
  }
  return { config, program, builder, syntacticByFile, ms: Math.round(performance.now() - started) };
}

// ---- requests ----------------------------------------------------------------------------------
/** Thrown at a pause point when the running request has been cancelled (TypeScript throws its own OperationCanceledException). */
class Cancelled extends Error {}

function cancellationToken(job) {
  return {
    isCancellationRequested: () => job.cancelled,
    throwIfCancellationRequested: () => {
      if (job.cancelled) throw ts.OperationCanceledException ? new ts.OperationCanceledException() : new Cancelled();
    },
  };
}

/** Lets stdin (cancel requests) through when the current request has been busy for a while. */
function yielder(job) {
  let last = performance.now();
  return async () => {
    if (job.cancelled) throw new Cancelled();
    if (performance.now() - last < 5) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
    if (job.cancelled) throw new Cancelled();
  };
}

/** Full baseline diagnostics, with tsc's gating. */
function baselineDiagnostics() {
  const { program, builder, config } = baseline;
  const files = program.getSourceFiles();
  const diagnostics = [...config.errors, ...files.flatMap((file) => program.getSyntacticDiagnostics(file))];
  if (diagnostics.length === config.errors.length) {
    const gated = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    diagnostics.push(...gated);
    if (diagnostics.length === config.errors.length) diagnostics.push(...builder.getSemanticDiagnostics());
  }
  const checked = files.filter((file) => !program.isSourceFileDefaultLibrary(file)).map((file) => relative(file.fileName));
  return { diagnostics: toWire(diagnostics), files: checked.sort() };
}

/** Normalizes an overlay object to absolute paths; throws a bad-request message on bad input. */
function normalizeOverlay(overlay) {
  if (typeof overlay !== "object" || overlay === null || Array.isArray(overlay)) throw new BadRequest("overlay must be an object of path → content | null");
  const out = new Map();
  for (const [key, text] of Object.entries(overlay)) {
    if (text !== null && typeof text !== "string") throw new BadRequest(`overlay[${JSON.stringify(key)}] must be a string or null`);
    const file = path.posix.resolve(root, key.replace(/\\/g, "/"));
    if (!file.startsWith(root + "/")) throw new BadRequest(`path outside the repository: ${key}`);
    out.set(file, text);
  }
  return out;
}

class BadRequest extends Error {}

function sameOptions(a, b) {
  const stable = (options) => JSON.stringify(options, (key, value) =>
    key === "configFile" ? undefined
      : value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : value);
  return stable(a) === stable(b);
}

/** Checks one overlay against the baseline; returns the diagnostics of every affected file. */
async function checkOverlay(job, rawOverlay) {
  const token = cancellationToken(job);
  const pause = yielder(job);
  const overlay = normalizeOverlay(rawOverlay);
  // Drop entries that change nothing, so an identical file costs nothing.
  for (const [file, text] of overlay) {
    const onDisk = sys.fileExists(file);
    if (text === null ? !onDisk : onDisk && sys.readFile(file) === text) overlay.delete(file);
  }
  if (overlay.size === 0) return { diagnostics: [], files: [] };

  const view = createView(overlay);
  const inProgram = (file) => baseline.program.getSourceFile(file) !== undefined;
  const configTouched = [...overlay.keys()].some((file) => baseline.config.inputs.has(file));
  const treeTouched = [...overlay].some(([file, text]) => text === null || !sys.fileExists(file));
  const config = configTouched || treeTouched ? parseConfig(view) : baseline.config;
  // Reusing the old program's module resolutions is only safe when no file appeared or vanished
  // and nothing but program files changed (package.json or tsconfig edits re-resolve everything).
  const reuseStructure = !configTouched && !treeTouched && [...overlay.keys()].every(inProgram);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
    host: createHost(config.options, view, config === baseline.config || sameOptions(config.options, baseline.config.options)),
    oldProgram: reuseStructure ? baseline.program : undefined,
    configFileParsingDiagnostics: config.errors,
    projectReferences: config.projectReferences,
  });
  await pause();

  const changed = [...overlay.keys()].map((file) => program.getSourceFile(file)).filter(Boolean);
  const changedNames = new Set(changed.map((file) => file.fileName));
  const result = (diagnostics, files) => ({ diagnostics: toWire(diagnostics), files: [...new Set(files.map((file) => relative(file.fileName)))].sort() });
  const configErrors = configTouched ? config.errors : [];

  // tsc reports syntax errors alone when there are any (the baseline's count for untouched files).
  const syntactic = changed.flatMap((file) => program.getSyntacticDiagnostics(file));
  let baselineSyntax = 0;
  for (const [file, count] of baseline.syntacticByFile) if (!overlay.has(file) && program.getSourceFile(file)) baselineSyntax += count;
  if (syntactic.length > 0 || baselineSyntax > 0) return result([...configErrors, ...syntactic], changed);

  const gated = [...program.getOptionsDiagnostics(token), ...program.getGlobalDiagnostics(token)];
  if (gated.length > 0 || configErrors.length > 0) return result([...configErrors, ...gated], changed);

  // The builder decides which files the change can affect (the changed files, and their importers
  // when a declaration signature changed). Every file it re-checks passes through
  // getBindAndCheckDiagnostics; the others keep the baseline's cached diagnostics.
  const rechecked = new Set();
  const bindAndCheck = program.getBindAndCheckDiagnostics;
  if (typeof bindAndCheck === "function") {
    program.getBindAndCheckDiagnostics = (sourceFile, cancel) => {
      rechecked.add(sourceFile.fileName);
      return bindAndCheck.call(program, sourceFile, cancel);
    };
  }
  const builder = ts.createSemanticDiagnosticsBuilderProgram(program, builderHost, baseline.builder, config.errors);
  while (builder.getSemanticDiagnosticsOfNextAffectedFile(token)) await pause();
  const diagnostics = [];
  const files = [];
  for (const sourceFile of program.getSourceFiles()) {
    const semantic = builder.getSemanticDiagnostics(sourceFile, token);
    if (rechecked.has(sourceFile.fileName) || changedNames.has(sourceFile.fileName) || typeof bindAndCheck !== "function") {
      files.push(sourceFile);
      diagnostics.push(...semantic);
    }
    await pause();
  }
  return result(diagnostics, files);
}

// ---- the request loop --------------------------------------------------------------------------
const queue = [];
let running;

function handleLine(line) {
  if (line.trim() === "") return;
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    send({ kind: "error", id: idFromText(line), code: "bad-request", message: `invalid JSON: ${firstLine(error)}` });
    return;
  }
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    send({ kind: "error", code: "bad-request", message: "a request must be a JSON object" });
    return;
  }
  const id = request.id;
  if (typeof id !== "string" && typeof id !== "number") {
    send({ kind: "error", code: "bad-request", message: "a request needs an id (string or number)" });
    return;
  }
  if ("cancel" in request) return cancel(id, request.cancel);
  if (request.baseline === true || "overlay" in request) {
    queue.push({ id, request, cancelled: false });
    if (!running) void drain();
    return;
  }
  send({ kind: "error", id, code: "bad-request", message: "unknown request: expected overlay, baseline or cancel" });
}

function cancel(id, target) {
  let found = false;
  if (running && running.id === target) {
    running.cancelled = true;
    found = true;
  } else {
    const index = queue.findIndex((job) => job.id === target);
    if (index >= 0) {
      queue.splice(index, 1);
      send({ kind: "error", id: target, code: "cancelled", message: "cancelled before it started" });
      found = true;
    }
  }
  send({ kind: "cancel-ack", id, target, found });
}

async function drain() {
  while (queue.length > 0) {
    const job = queue.shift();
    running = job;
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      const outcome = job.request.baseline === true ? baselineDiagnostics() : await checkOverlay(job, job.request.overlay);
      if (job.cancelled) throw new Cancelled();
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 100) / 10;
      send({ kind: "result", id: job.id, ...outcome, ms: Math.round((performance.now() - started) * 10) / 10, cpuMs });
    } catch (error) {
      if (error instanceof Cancelled || (ts.OperationCanceledException && error instanceof ts.OperationCanceledException)) {
        send({ kind: "error", id: job.id, code: "cancelled", message: "cancelled" });
      } else if (error instanceof BadRequest) {
        send({ kind: "error", id: job.id, code: "bad-request", message: error.message });
      } else {
        log(`request ${JSON.stringify(job.id)} failed: ${error instanceof Error ? error.stack : String(error)}`);
        send({ kind: "error", id: job.id, code: "internal", message: firstLine(error) });
      }
    }
    running = undefined;
  }
  if (inputEnded) process.exit(0);
}

/** Best effort: the id of a line that is not valid JSON (or too long to parse). */
function idFromText(text) {
  const match = /"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)/.exec(text.slice(0, 4096));
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]);
  } catch {
    return undefined;
  }
}

function firstLine(error) {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

// ---- stdin: JSON lines, bounded --------------------------------------------------------------
let pending = [];
let pendingBytes = 0;
let discarding = false;

process.stdin.on("data", (chunk) => {
  let start = 0;
  for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
    const piece = chunk.subarray(start, newline);
    if (discarding) {
      discarding = false;
    } else {
      pending.push(piece);
      handleLine(Buffer.concat(pending).toString("utf8"));
    }
    pending = [];
    pendingBytes = 0;
    start = newline + 1;
  }
  if (start < chunk.length && !discarding) {
    const rest = chunk.subarray(start);
    pending.push(rest);
    pendingBytes += rest.length;
    if (pendingBytes > maxLineBytes) {
      const head = Buffer.concat(pending).subarray(0, 4096).toString("utf8");
      send({ kind: "error", id: idFromText(head), code: "bad-request", message: `request line longer than ${maxLineBytes} bytes` });
      pending = [];
      pendingBytes = 0;
      discarding = true;
    }
  }
});
let inputEnded = false;
process.stdin.on("end", () => {
  inputEnded = true;
  if (!running && queue.length === 0) process.exit(0);
});

process.on("uncaughtException", (error) => log(`uncaught: ${error instanceof Error ? error.stack : String(error)}`));

send({
  kind: "hello",
  protocol: 1,
  typescript: ts.version,
  typescriptPath: relative(typescriptPath.split(path.sep).join("/")),
  tsconfig: relative(configPath),
  rootFiles: baseline.config.fileNames.length,
  sourceFiles: baseline.program.getSourceFiles().length,
  baselineMs: baseline.ms,
  baselineDiagnostics: baselineDiagnostics().diagnostics.length,
  pid: process.pid,
  node: process.version,
});
