import { writeFileSync } from "node:fs";
import path from "node:path";
import { applyEditText } from "../../core/edits/index.ts";
import type { ApplyResult } from "../../core/edits/index.ts";
import type { CaseBody, CaseClass } from "./case-class.ts";
import { judge, quantile } from "./evaluate.ts";
import type { CaseOutcome } from "./evaluate.ts";
import { createRandom } from "./random.ts";
import type { SourceFile } from "./source-files.ts";

const timedRuns = 3;
const buckets = [
  { name: "1-200", max: 200 },
  { name: "201-500", max: 500 },
  { name: "501-2000", max: 2000 },
  { name: ">2000", max: Infinity },
] as const;

interface Case extends CaseBody {
  id: number;
  cls: CaseClass;
  file: string;
}

interface Measured {
  c: Case;
  outcome: CaseOutcome;
  baseline: CaseOutcome;
  result: ApplyResult;
  ms: number;
  baselineMs: number;
}

/** The numbers one corpus gives. */
export interface CorpusSummary {
  cases: number;
  exactRate: number;
  baselineRate: number;
  wrong: number;
  falseAccepts: number;
  p50: number;
  p99: number;
}

/**
 * Builds a corpus (every class the same number of cases, spread over the size buckets, each class
 * from its own seeded stream), applies every case with the applier and the exact-and-unique
 * baseline, prints per-class results, timing and the cases that went wrong, and returns the totals.
 */
export function runCorpus(title: string, pool: readonly SourceFile[], classes: readonly CaseClass[], perClass: number, seed: number): CorpusSummary {
  const started = performance.now();
  const bucketOf = (lines: number): number => buckets.findIndex((b) => lines <= b.max);
  const byBucket = buckets.map((_, i) => pool.filter((f) => bucketOf(f.lines.length) === i));
  const cases: Case[] = [];
  const shortfalls: string[] = [];
  for (const cls of classes) {
    // Each class draws from its own stream, so adding or changing one class leaves the others' cases alone.
    const random = createRandom(seed ^ hashOf(cls.name));
    let made = 0;
    for (let i = 0; made < perClass && i < perClass * 30; i++) {
      const files = byBucket[made % buckets.length]!.length > 0 ? byBucket[made % buckets.length]! : pool;
      const file = random.pick(files);
      const body = cls.make(random, file, pool);
      if (!body) continue;
      cases.push({ ...body, id: cases.length, cls, file: file.name });
      made++;
    }
    if (made < perClass) shortfalls.push(`${cls.name}: ${made}/${perClass}`);
  }

  // One untimed pass judges every case (and warms the JIT); timing is the median of further runs.
  const measured: Measured[] = cases.map((c) => {
    const result = applyEditText(c.files, c.reply);
    const base = applyEditText(c.files, c.reply, { baseline: true });
    return { c, result, outcome: judge(c.cls.expect, result, c.expected), baseline: judge(c.cls.expect, base, c.expected), ms: 0, baselineMs: 0 };
  });
  for (const m of measured) {
    m.ms = time(() => applyEditText(m.c.files, m.c.reply));
    m.baselineMs = time(() => applyEditText(m.c.files, m.c.reply, { baseline: true }));
  }

  const pct = (n: number, d: number): string => (d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`);
  const count = (list: readonly Measured[], pick: (m: Measured) => boolean): number => list.filter(pick).length;
  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  const padL = (s: string | number, n: number): string => String(s).padStart(n);
  const applyClasses = classes.filter((c) => c.expect === "apply");
  const rejectClasses = classes.filter((c) => c.expect === "reject");

  console.log(`\n=== ${title}: seed ${seed}, ${cases.length} cases in ${applyClasses.length} should-apply and ${rejectClasses.length} should-reject classes`);
  console.log(`Sources: ${pool.length} files, ${Math.min(...pool.map((f) => f.lines.length))}-${Math.max(...pool.map((f) => f.lines.length))} lines`);
  if (shortfalls.length > 0) console.log(`Classes short of ${perClass} cases: ${shortfalls.join(", ")}`);
  console.log("\nShould apply (the expected result is the true edit, spliced by the generator):");
  console.log(`${pad("class", 28)}${padL("n", 5)}${padL("exact", 9)}${padL("wrong", 7)}${padL("refused", 9)}  |${padL("baseline exact", 16)}${padL("wrong", 7)}`);
  for (const cls of applyClasses) {
    const list = measured.filter((m) => m.c.cls === cls);
    console.log(
      `${pad(cls.name, 28)}${padL(list.length, 5)}${padL(pct(count(list, (m) => m.outcome === "exact"), list.length), 9)}${padL(count(list, (m) => m.outcome === "wrong"), 7)}${padL(count(list, (m) => m.outcome === "refused"), 9)}  |${padL(pct(count(list, (m) => m.baseline === "exact"), list.length), 16)}${padL(count(list, (m) => m.baseline === "wrong"), 7)}`,
    );
  }
  console.log("\nShould reject:");
  console.log(`${pad("class", 28)}${padL("n", 5)}${padL("rejected", 10)}${padL("false accepts", 15)}  |${padL("baseline false accepts", 24)}`);
  for (const cls of rejectClasses) {
    const list = measured.filter((m) => m.c.cls === cls);
    console.log(
      `${pad(cls.name, 28)}${padL(list.length, 5)}${padL(pct(count(list, (m) => m.outcome === "rejected"), list.length), 10)}${padL(count(list, (m) => m.outcome === "false-accept"), 15)}  |${padL(count(list, (m) => m.baseline === "false-accept"), 24)}`,
    );
  }

  const applyCases = measured.filter((m) => m.c.cls.expect === "apply");
  const rejectCases = measured.filter((m) => m.c.cls.expect === "reject");
  const exactRate = count(applyCases, (m) => m.outcome === "exact") / applyCases.length;
  const baselineRate = count(applyCases, (m) => m.baseline === "exact") / applyCases.length;
  const wrong = count(applyCases, (m) => m.outcome === "wrong");
  const falseAccepts = count(rejectCases, (m) => m.outcome === "false-accept");
  console.log(
    `\nOverall: should-apply ${applyCases.length} cases: byte-exact ${pct(exactRate * applyCases.length, applyCases.length)}, wrong location or content ${wrong}, refused ${count(applyCases, (m) => m.outcome === "refused")}`,
  );
  console.log(`         should-reject ${rejectCases.length} cases: rejected ${pct(count(rejectCases, (m) => m.outcome === "rejected"), rejectCases.length)}, false accepts ${falseAccepts}`);
  console.log(
    `Baseline (exact-and-unique): byte-exact ${pct(baselineRate * applyCases.length, applyCases.length)}, wrong ${count(applyCases, (m) => m.baseline === "wrong")}, false accepts ${count(rejectCases, (m) => m.baseline === "false-accept")}`,
  );
  const strategies = new Map<string, number>();
  for (const m of applyCases) if (m.result.kind === "applied") for (const match of m.result.matches) strategies.set(match.strategy, (strategies.get(match.strategy) ?? 0) + 1);
  console.log(`Blocks placed, by strategy: ${[...strategies].map(([s, n]) => `${s} ${n}`).join(", ")}`);

  console.log(`\nTime per edit (parse + apply of one reply; median of ${timedRuns} runs per case), by size of the edited file:`);
  console.log(`${pad("lines", 10)}${padL("cases", 7)}${padL("p50 ms", 9)}${padL("p99 ms", 9)}  |${padL("baseline p50", 14)}${padL("p99", 8)}`);
  buckets.forEach((b, i) => {
    const list = measured.filter((m) => bucketOf(m.c.lines) === i);
    const ms = list.map((m) => m.ms);
    const base = list.map((m) => m.baselineMs);
    console.log(`${pad(b.name, 10)}${padL(list.length, 7)}${padL(quantile(ms, 0.5).toFixed(3), 9)}${padL(quantile(ms, 0.99).toFixed(3), 9)}  |${padL(quantile(base, 0.5).toFixed(3), 14)}${padL(quantile(base, 0.99).toFixed(3), 8)}`);
  });
  const upTo2000 = measured.filter((m) => m.c.lines <= 2000).map((m) => m.ms);
  const p50 = quantile(upTo2000, 0.5);
  const p99 = quantile(upTo2000, 0.99);
  console.log(`files up to 2,000 lines: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms (${upTo2000.length} cases)`);

  const misses = measured.filter((m) => m.outcome === "refused" || m.outcome === "wrong" || m.outcome === "false-accept");
  if (misses.length > 0) {
    console.log("\nNot as expected (first 2 per class):");
    const shown = new Map<string, number>();
    for (const m of misses) {
      const n = shown.get(m.c.cls.name) ?? 0;
      if (n >= 2) continue;
      shown.set(m.c.cls.name, n + 1);
      const detail = m.result.kind === "failed" ? (m.result.errors[0]?.message.split("\n")[0] ?? "") : `applied (${m.result.matches.map((x) => x.strategy).join(", ")})`;
      console.log(`  ${m.c.cls.name} #${m.c.id} ${m.c.file}: ${m.outcome}: ${detail.slice(0, 160)}`);
    }
  }
  // Wrong results and false accepts (at most 5) are printed in full, and so are the cases EDITS_BENCH_SHOW names:
  // ids (12,34) or a class (the first 3 of its cases that did not come out as expected). EDITS_BENCH_DUMP=dir writes them as JSON.
  const show = (process.env.EDITS_BENCH_SHOW ?? "").split(",").filter(Boolean);
  const shownIds = [
    ...measured.filter((m) => m.outcome === "wrong" || m.outcome === "false-accept").slice(0, 5).map((m) => m.c.id),
    ...show.filter((s) => /^\d+$/.test(s)).map(Number),
    ...show.flatMap((name) => misses.filter((m) => m.c.cls.name === name).slice(0, 3).map((m) => m.c.id)),
  ];
  for (const id of shownIds) {
    const m = measured[id];
    if (!m) continue;
    console.log(`\n--- case #${id} (${m.c.cls.name}, ${m.c.file}): ${m.outcome}\n${m.c.reply}`);
    const dump = process.env.EDITS_BENCH_DUMP;
    if (dump) writeFileSync(path.join(dump, `${title.split(" ")[0]}-case-${id}.json`), JSON.stringify({ files: m.c.files, edits: m.c.reply, expected: m.c.expected }));
    if (m.result.kind === "failed") console.log(m.result.message);
    else {
      for (const [file, content] of Object.entries(m.c.expected ?? {})) {
        const got = (m.result.changes[file] ?? "").split("\n");
        const want = (content ?? "").split("\n");
        const at = want.findIndex((line, i) => line !== got[i]);
        if (at >= 0) console.log(`${file}:${at + 1}: expected ${JSON.stringify(want.slice(at, at + 3))}\n${" ".repeat(file.length + String(at + 1).length + 2)} got      ${JSON.stringify(got.slice(at, at + 3))}`);
      }
    }
  }
  console.log(`\n${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { cases: cases.length, exactRate, baselineRate, wrong, falseAccepts, p50, p99 };
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function time(run: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < timedRuns; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}
