/**
 * Benchmark of `forklift find` against the ast-grep CLI (the peer) and grep (the floor), on the
 * same pattern and the same files: every TypeScript/JavaScript file under this project's own
 * node_modules (what `forklift find --include-ignored node_modules` scans).
 *
 * forklift runs in-process through `runFind`, the function the CLI's `find` action calls (rule
 * from --pattern, file listing, prefilter, napi search, table formatting); only the final
 * stdout write is left out. One spawned CLI run is also timed, for information (it adds Node and
 * tsx start-up). The peer is ast-grep's native binary given the same file list; grep counts
 * lines holding the pattern's longest literal text. Rounds are interleaved; medians are reported.
 *
 * Usage: npm run bench:find [-- --pattern 'console.log($$$ARGS)'] [--rounds 3]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { runFind } from "../core/hosts/cli/commands/find.ts";
import { listSourceFiles } from "../core/targets/list-source-files.ts";
import { printBench } from "./print-bench.ts";

const root = resolve(import.meta.dirname, "..");
const tree = "node_modules";
const pattern = argument("--pattern") ?? "console.log($$$ARGS)";
const rounds = Number(argument("--rounds") ?? 3);

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** The ast-grep binary itself, not the npm shim in node_modules/.bin (a Node script that would add start-up time to the peer). */
function astGrepBinary(): string {
  try {
    const packageJson = createRequire(import.meta.url).resolve(`@ast-grep/cli-${process.platform}-${process.arch}-gnu/package.json`);
    const binary = join(dirname(packageJson), "ast-grep");
    if (existsSync(binary)) return binary;
  } catch {
    // fall through to the shim
  }
  return join(root, "node_modules/.bin/ast-grep");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

/** Counts per file from ast-grep's `--json=stream` output. */
function astGrepCounts(files: string[]): { perFile: Map<string, number>; total: number } {
  const result = spawnSync(astGrepBinary(), ["run", "--pattern", pattern, "--json=stream", ...files], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`ast-grep failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  const perFile = new Map<string, number>();
  let total = 0;
  for (const line of result.stdout.split("\n")) {
    if (line === "") continue;
    const { file } = JSON.parse(line) as { file: string };
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
    total++;
  }
  return { perFile, total };
}

/** The pattern's longest literal run (no metavariables): what grep looks for. */
function literalOf(text: string): string {
  return text
    .split(/\$+[A-Z_][A-Z0-9_]*|\$\$\$/)
    .map((part) => part.trim())
    .sort((a, b) => b.length - a.length)[0]!;
}

function grepLines(files: string[], literal: string): number {
  const result = spawnSync("grep", ["-rcF", "--", literal, ...files], { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`grep failed (${result.status}): ${result.stderr.slice(0, 500)}`);
  return result.stdout
    .split("\n")
    .filter((line) => line !== "")
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(":") + 1)), 0);
}

const relative = await listSourceFiles(join(root, tree), { includeIgnored: true });
const files = relative.map((file) => `${tree}/${file}`);
const byExtension = new Map<string, number>();
for (const file of relative) byExtension.set(file.slice(file.lastIndexOf(".")), (byExtension.get(file.slice(file.lastIndexOf("."))) ?? 0) + 1);
const literal = literalOf(pattern);
console.log(`forklift find benchmark: pattern ${JSON.stringify(pattern)} over ${files.length} files under ${tree}/`);
console.log(`  files by extension: ${[...byExtension].sort((a, b) => b[1] - a[1]).map(([ext, n]) => `${ext} ${n}`).join(", ")}`);
console.log(`  peer: ${astGrepBinary().replace(`${root}/`, "")} (same file list); floor: grep -rcF ${JSON.stringify(literal)}`);
console.log(`  ${rounds} interleaved rounds after one warm-up round (not counted); medians below\n`);

const timings = { forklift: [] as number[], astGrep: [] as number[], grep: [] as number[] };
let forkliftSites = 0;
let forkliftSkipped: string[] = [];
let astGrepSites = 0;
let grepCount = 0;
for (let round = 0; round <= rounds; round++) {
  const started = performance.now();
  const found = await runFind([tree], { pattern, includeIgnored: true });
  const forkliftTime = (performance.now() - started) / 1000;
  const repository = found.result.repositories[0]!;
  forkliftSites = repository.sites.length;
  forkliftSkipped = repository.filesSkipped;
  if (repository.filesScanned !== files.length) throw new Error(`forklift scanned ${repository.filesScanned} files, the list has ${files.length}`);
  let peer: ReturnType<typeof astGrepCounts> | undefined;
  const astGrepTime = seconds(() => (peer = astGrepCounts(files)));
  astGrepSites = peer!.total;
  const grepTime = seconds(() => (grepCount = grepLines(files, literal)));
  if (forkliftSites !== astGrepSites) {
    const mine = new Map<string, number>();
    for (const site of repository.sites) mine.set(`${tree}/${site.file}`, (mine.get(`${tree}/${site.file}`) ?? 0) + 1);
    const differing = [...new Set([...mine.keys(), ...peer!.perFile.keys()])].filter((file) => mine.get(file) !== peer!.perFile.get(file));
    console.error(`SITE COUNTS DIFFER: forklift ${forkliftSites}, ast-grep ${astGrepSites}; files: ${differing.slice(0, 10).join(", ")}`);
    process.exit(1);
  }
  const label = round === 0 ? "warm-up" : `round ${round}`;
  console.log(`  ${label.padEnd(8)} forklift ${forkliftTime.toFixed(2)} s   ast-grep ${astGrepTime.toFixed(2)} s   grep ${grepTime.toFixed(2)} s   sites ${forkliftSites}`);
  if (round === 0) continue;
  timings.forklift.push(forkliftTime);
  timings.astGrep.push(astGrepTime);
  timings.grep.push(grepTime);
}

const spawned = seconds(() => {
  const result = spawnSync("node", [join(root, "bin/forklift.js"), "find", "--pattern", pattern, "--include-ignored", "--json", tree], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`forklift CLI failed: ${result.stderr}`);
  const sites = (JSON.parse(result.stdout) as { totals: { sites: number } }).totals.sites;
  if (sites !== astGrepSites) throw new Error(`spawned forklift found ${sites} sites, ast-grep ${astGrepSites}`);
});

const rate = (time: number) => files.length / time;
const forkliftRate = rate(median(timings.forklift));
const astGrepRate = rate(median(timings.astGrep));
const grepRate = rate(median(timings.grep));
console.log(`\n  ${"tool".padEnd(34)}${"median s".padStart(10)}${"files/s".padStart(10)}`);
console.log(`  ${"forklift find (in-process)".padEnd(34)}${median(timings.forklift).toFixed(2).padStart(10)}${forkliftRate.toFixed(0).padStart(10)}`);
console.log(`  ${"ast-grep run (native CLI)".padEnd(34)}${median(timings.astGrep).toFixed(2).padStart(10)}${astGrepRate.toFixed(0).padStart(10)}`);
console.log(`  ${"grep -rcF (floor)".padEnd(34)}${median(timings.grep).toFixed(2).padStart(10)}${grepRate.toFixed(0).padStart(10)}`);
console.log(`  ${"forklift find (spawned CLI, 1 run)".padEnd(34)}${spawned.toFixed(2).padStart(10)}${rate(spawned).toFixed(0).padStart(10)}`);
console.log(`\n  sites: forklift ${forkliftSites} = ast-grep ${astGrepSites} (identical); grep lines holding ${JSON.stringify(literal)}: ${grepCount}`);
if (forkliftSkipped.length > 0) console.log(`  skipped by both as too large (over 3 MB and 200,000 lines): ${forkliftSkipped.join(", ")}`);
console.log(`  forklift / ast-grep throughput: ${(forkliftRate / astGrepRate).toFixed(2)} (target ≥ 0.7); forklift / grep: ${(forkliftRate / grepRate).toFixed(2)}\n`);
const bench = printBench;

bench("find_files_per_s", Math.round(forkliftRate), "files/s");
bench("astgrep_files_per_s", Math.round(astGrepRate), "files/s");
bench("find_ratio_vs_astgrep", Number((forkliftRate / astGrepRate).toFixed(3)), "ratio");
