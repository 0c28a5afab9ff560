/**
 * Benchmark of the SEARCH/REPLACE applier (core/edits) against the exact-and-unique baseline, on
 * two corpora: this project's TypeScript plus generated modules (the drift classes it was built
 * with), and real sources from public npm packages (see edits/real-sources.ts) with every drift
 * class, including those real model replies show: pieces of lines, copied line numbers, typos in
 * changed lines, context the file changed since, blocks written against earlier blocks. Each case
 * has its expected result computed by splicing lines; "wrong" means applied with a result other
 * than that. Prints per-class results, time per edit by file size, and BENCH lines.
 * EDITS_BENCH_PER_CLASS and EDITS_REAL_PER_CLASS change the corpus sizes, EDITS_BENCH_SEED the
 * seed (other files and cases); EDITS_BENCH_ONLY=real or =project runs one corpus.
 */
import path from "node:path";
import { applyClasses } from "./edits/apply-classes.ts";
import { modelDriftClasses, modelRejectClasses } from "./edits/model-drift-classes.ts";
import { createRandom } from "./edits/random.ts";
import { realSources } from "./edits/real-sources.ts";
import { rejectClasses } from "./edits/reject-classes.ts";
import { runCorpus } from "./edits/run-corpus.ts";
import { generatedSources, projectSources } from "./edits/source-files.ts";
import { printBench } from "./print-bench.ts";

const seed = Number(process.env.EDITS_BENCH_SEED ?? 7_2024);
const perClass = Number(process.env.EDITS_BENCH_PER_CLASS ?? 80);
const realPerClass = Number(process.env.EDITS_REAL_PER_CLASS ?? 180);
const only = process.env.EDITS_BENCH_ONLY;
const generatedSizes = [40, 90, 150, 190, 260, 340, 420, 480, 650, 900, 1200, 1500, 1800, 1990, 2600, 3400, 5000];
const root = path.resolve(import.meta.dirname, "..");

if (only !== "real") {
  const pool = [...projectSources(root), ...generatedSources(createRandom(seed), generatedSizes)];
  const project = runCorpus("project corpus (core/, shared/, bench/ and generated modules)", pool, [...applyClasses, ...rejectClasses], perClass, seed);
  printBench("edits_cases", project.cases, "count");
  printBench("edits_exact_rate", Number(project.exactRate.toFixed(4)), "ratio");
  printBench("edits_wrong", project.wrong, "count");
  printBench("edits_false_accept", project.falseAccepts, "count");
  printBench("edits_baseline_exact_rate", Number(project.baselineRate.toFixed(4)), "ratio");
  printBench("edit_p50_ms", Number(project.p50.toFixed(3)), "ms");
  printBench("edit_p99_ms", Number(project.p99.toFixed(3)), "ms");
}

if (only !== "project") {
  const pool = loadRealSources();
  const classes = [...applyClasses, ...modelDriftClasses, ...rejectClasses, ...modelRejectClasses];
  const real = runCorpus("real corpus (TypeScript sources of npm packages)", pool, classes, realPerClass, seed);
  printBench("edits_real_cases", real.cases, "count");
  printBench("edits_real_files", pool.length, "count");
  printBench("edits_real_exact_rate", Number(real.exactRate.toFixed(4)), "ratio");
  printBench("edits_real_wrong", real.wrong, "count");
  printBench("edits_real_false_accept", real.falseAccepts, "count");
  printBench("edits_real_baseline_exact_rate", Number(real.baselineRate.toFixed(4)), "ratio");
  printBench("edit_real_p50_ms", Number(real.p50.toFixed(3)), "ms");
  printBench("edit_real_p99_ms", Number(real.p99.toFixed(3)), "ms");
}

/** The real corpus, or one line saying why it could not be fetched (and exit 1). */
function loadRealSources(): ReturnType<typeof realSources> {
  try {
    return realSources(root, createRandom(seed));
  } catch (error) {
    console.error(`bench:edits: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
