/**
 * Benchmark of the studio's renderer in a real browser (Debian's Chromium driven by
 * playwright-core): the BUILT renderer (dist/renderer) served by the browser host's own server
 * over its real WebSocket transport, with a synthetic engine behind it (bench/ui/synthetic-engine.ts)
 * holding a generated fork tree shaped like a beam search (beam 3–5, 4–8 children per expanded
 * node, states and scores mixed). Each run opens a fresh page and measures:
 *   ui_tree10k_interactive_ms  navigation start → the tree painted and a node clicked and shown selected;
 *   ui_select_diff_ms          a click on a node → the inspector's Monaco diff shows that node (median of several);
 *   ui_burst500_fps            frames per second while 500 tree/delta events pushed as fast as the
 *                              server can are received and drawn (from the first delta's arrival
 *                              until the tree shows the last one, plus the nodes' glide).
 *   UI_BENCH_NODES (default 10000), UI_BENCH_RUNS (default 3; medians are printed),
 *   UI_BENCH_DELTAS (default 500), UI_BENCH_SELECTS (default 5 per run),
 *   UI_BENCH_NO_BUILD=1 uses dist/renderer as it is; UI_BENCH_SCREENSHOTS=DIR keeps a screenshot of
 *   each run's studio there.
 */
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { syntheticBeamTree, syntheticGrowth } from "../renderer/src/tree/testing/synthetic-beam-tree.ts";
import { printBench } from "./print-bench.ts";
import { framesPerSecond, probeScript, readProbe, startFrames, stopFrames, watchCount } from "./ui/page-probes.ts";
import type { ProbeRecord } from "./ui/page-probes.ts";
import { serveBenchStudio } from "./ui/serve-bench-studio.ts";
import { createSyntheticEngine } from "./ui/synthetic-engine.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const nodes = Number(process.env.UI_BENCH_NODES ?? 10_000);
const runs = Number(process.env.UI_BENCH_RUNS ?? 3);
const deltaCount = Number(process.env.UI_BENCH_DELTAS ?? 500);
const selects = Number(process.env.UI_BENCH_SELECTS ?? 5);
/** How long nodes glide after the last change (renderer/src/tree/tree-model.ts glideMs). */
const glideMs = 220;
/** A folder to keep a screenshot of each run's studio in (optional). */
const screenshots = process.env.UI_BENCH_SCREENSHOTS;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number) => Math.round(value * 10) / 10;

async function buildRenderer(): Promise<void> {
  if (process.env.UI_BENCH_NO_BUILD === "1") {
    await stat(path.join(root, "dist/renderer/index.html")).catch(() => {
      throw new Error("dist/renderer is missing: run npm run build:renderer (or drop UI_BENCH_NO_BUILD)");
    });
    return;
  }
  const started = performance.now();
  await run("npx", ["vite", "build", "--config", "renderer/vite.config.ts", "--logLevel", "error"], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  console.log(`built dist/renderer in ${round((performance.now() - started) / 1000)} s`);
}

/** What one run measured. */
interface RunResult {
  interactiveMs: number;
  selectDiffMs: number;
  burstFps: number;
  worstFrameMs: number;
  firstNodeMs: number;
}

/** One run: a fresh engine and page; returns its figures. */
async function measureOnce(browser: Browser, runIndex: number): Promise<RunResult> {
  const tree = syntheticBeamTree({ nodes, seed: 1 + runIndex });
  const engine = createSyntheticEngine(tree);
  const server = await serveBenchStudio(engine, path.join(root, "dist/renderer"));
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  try {
    await page.addInitScript(probeScript);
    // open the session's tree, as a link to it would (#session=ID)
    await page.goto(`${server.url}#session=${encodeURIComponent(tree.session.id)}`, { waitUntil: "commit" });

    // 1. interactive: the first node on screen is clicked and shows as selected
    const first = page.locator('[data-testid="fork-tree"] [data-testid="tree-node"]').first();
    await first.waitFor({ timeout: 60_000 });
    const firstId = (await first.getAttribute("data-node-id"))!;
    await first.click();
    await page.locator(`[data-testid="tree-node"][data-node-id="${firstId}"][aria-selected="true"]`).waitFor();
    const afterFirst = (await page.evaluate(readProbe)) as ProbeRecord;
    const interactiveMs = afterFirst.selectedAt!;
    if (screenshots) await page.screenshot({ path: path.join(screenshots, `ui-run${runIndex + 1}-interactive.png`) });

    // 2. select → diff: click other nodes on screen, each time until its diff is drawn
    await page.locator(`[data-testid="diff-view"][data-node-id="${firstId}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
    const diffTimes: number[] = [];
    const onScreen = () => page.locator('[data-testid="tree-node"]').evaluateAll((elements) => elements.map((element) => element.getAttribute("data-node-id")!).filter(Boolean));
    let candidates = await onScreen();
    // around a deep node there may be few others: zoom out (keyboard, as a user would) until there are enough
    for (let tries = 0; candidates.length <= selects && tries < 4; tries++) {
      await page.locator('[data-testid="fork-tree"] [role="tree"]').press("-");
      await page.waitForTimeout(100);
      candidates = await onScreen();
    }
    const others = candidates.filter((id) => id !== firstId);
    const picks = Array.from({ length: Math.min(selects, others.length) }, (_, k) => others[Math.floor((k * others.length) / Math.min(selects, others.length))]!);
    if (picks.length === 0) throw new Error("no other node on screen to select");
    for (const id of picks) diffTimes.push(await timeSelectToDiff(page, id));

    // 3. burst: push the deltas as fast as the server sends them, count frames while they land
    const deltas = syntheticGrowth(engine.tree(), deltaCount, 100 + runIndex);
    const finalCount = new Set([...Object.keys(engine.tree().nodes), ...deltas.flatMap((delta) => (delta.kind === "session-updated" ? [] : [delta.node.id]))]).size;
    await page.evaluate(startFrames);
    await page.evaluate(watchCount(finalCount));
    await page.waitForTimeout(200);
    engine.emit(deltas.map((payload) => ({ name: "tree/delta", payload })));
    const lastShownAt = await whenTreeShows(page, finalCount);
    await page.waitForTimeout(glideMs + 100);
    const frames = (await page.evaluate(stopFrames)) as number[];
    const probe = (await page.evaluate(readProbe)) as ProbeRecord;
    if (probe.deltas < deltaCount) throw new Error(`only ${probe.deltas} of ${deltaCount} tree/delta events reached the page`);
    const burst = framesPerSecond(frames, probe.firstDeltaAt!, lastShownAt + glideMs);
    console.log(
      `run ${runIndex + 1}: interactive ${round(interactiveMs)} ms (socket open at ${round(afterFirst.socketOpenAt ?? NaN)} ms, the tree's ${round((afterFirst.largestFrame?.chars ?? 0) / 1e6)} MB frame in at ${round(afterFirst.largestFrame?.at ?? NaN)} ms, first node in the DOM at ${round(afterFirst.firstNodeAt!)} ms), select→diff ${diffTimes.map(round).join(", ")} ms, ` +
        `burst ${round(burst.fps)} fps over ${round(lastShownAt + glideMs - probe.firstDeltaAt!)} ms (${burst.frames} frames, worst frame ${round(burst.worstFrameMs)} ms; deltas arrived over ${round(probe.lastDeltaAt! - probe.firstDeltaAt!)} ms)`,
    );
    return { interactiveMs, selectDiffMs: median(diffTimes), burstFps: burst.fps, worstFrameMs: burst.worstFrameMs, firstNodeMs: afterFirst.firstNodeAt! };
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * Waits until the tree's counts show `count` nodes; returns when (page clock). Polled from here:
 * the page's CSP forbids the eval that Playwright's waitForFunction needs, and rightly so.
 */
async function whenTreeShows(page: Page, count: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const at = (await page.evaluate("window.__benchShownAt")) as number | undefined;
    if (at !== undefined) return at;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const shown = await page.locator('[data-testid="tree-counts"]').textContent();
  const probe = (await page.evaluate(readProbe)) as ProbeRecord;
  throw new Error(`the tree never showed ${count} nodes (it shows "${shown}"; ${probe.deltas} tree/delta events reached the page)`);
}

/** Clicks a node and returns the ms from the click to its diff being drawn (page clock). */
async function timeSelectToDiff(page: Page, id: string): Promise<number> {
  await page.evaluate(`window.__benchClickAt = undefined; document.addEventListener("pointerdown", () => { window.__benchClickAt ??= performance.now(); }, { capture: true, once: true })`);
  await page.locator(`[data-testid="tree-node"][data-node-id="${id}"]`).click();
  await page.locator(`[data-testid="diff-view"][data-node-id="${id}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  const clickAt = (await page.evaluate("window.__benchClickAt")) as number;
  const probe = (await page.evaluate(readProbe)) as ProbeRecord;
  return probe.diffReadyAt[id]! - clickAt;
}

async function main(): Promise<void> {
  await buildRenderer();
  // playwright gives the browser a fresh profile of its own (a --user-data-dir flag is refused)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags }).catch((error: Error) => {
    throw new Error(`Chromium did not start from ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH): ${error.message.split("\n")[0]}`);
  });
  const results: RunResult[] = [];
  try {
    for (let k = 0; k < runs; k++) results.push(await measureOnce(browser, k));
  } finally {
    await browser.close();
  }
  const pick = (key: keyof RunResult) => median(results.map((result) => result[key]));
  console.log(`${nodes.toLocaleString("en")} nodes, ${deltaCount} deltas, medians of ${runs} runs:`);
  console.log(`  interactive ${round(pick("interactiveMs"))} ms (target ≤ 2000), select→diff ${round(pick("selectDiffMs"))} ms (target ≤ 300), burst ${round(pick("burstFps"))} fps (target ≥ 30; worst frame ${round(pick("worstFrameMs"))} ms)`);
  printBench("ui_tree10k_interactive_ms", pick("interactiveMs"), "ms", 0);
  printBench("ui_select_diff_ms", pick("selectDiffMs"), "ms", 0);
  printBench("ui_burst500_fps", pick("burstFps"), "fps", 1);
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
