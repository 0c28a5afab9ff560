/**
 * The studio as a user drives it, by clicks and keys in Debian's Chromium, against the real
 * `forklift studio` process, engine and Docker: open the demo, start a recipe search and watch the
 * tree grow, pause, select a node and read its diff in Monaco, compare two nodes, pin one, prune
 * another (its checkpoint image and containers gone: asked of Docker), edit a node by hand and see
 * the child judged, export a patch (it passes `git apply --check`), apply a node as a branch of the
 * demo's repository copy, resume to a solution. Screenshots of the tree and the inspector are
 * attached to the test; FORKLIFT_DOCS_SCREENSHOT=path also writes the README's screenshot there.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { imageExists, leftovers, nodeResources, removeLeftovers } from "./docker-resources.ts";
import { repositoryRoot, startStudio } from "./studio-process.ts";
import type { StudioProcess } from "./studio-process.ts";

let studio: StudioProcess;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  studio = await startStudio();
});

test.afterAll(async () => {
  expect(await studio.stop()).toBe(0);
  // a run that failed half-way leaves a paused session's checkpoints: removed, then reported
  const left = leftovers(studio.labelPrefix);
  removeLeftovers(left);
  expect(left).toEqual([]);
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

/** The fork tree's element for a node (the DOM hit layer over the canvas). */
function treeNode(page: Page, nodeId: string): Locator {
  return page.locator(`[data-testid="tree-node"][data-node-id="${nodeId}"]`);
}

/** The tree's nodes on screen at a depth (aria-level is depth + 1), optionally in a state. */
function nodesAt(page: Page, depth: number, state?: string): Locator {
  return page.locator(`[data-testid="tree-node"][aria-level="${depth + 1}"]${state ? `[data-state="${state}"]` : ""}`);
}

/** One attribute of each element a locator finds. */
async function attributesOf(elements: Locator, name: string): Promise<string[]> {
  const values: string[] = [];
  for (const element of await elements.all()) values.push((await element.getAttribute(name)) ?? "");
  return values;
}

function idsOf(nodes: Locator): Promise<string[]> {
  return attributesOf(nodes, "data-node-id");
}

/** Clicks a node in the tree and waits until the inspector and its diff show it. */
async function select(page: Page, nodeId: string): Promise<void> {
  await treeNode(page, nodeId).click();
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node-id", nodeId);
  await expect(page.getByTestId("diff-view")).toHaveAttribute("data-node-id", nodeId);
  await expect(page.getByTestId("diff-view")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

async function shoot(testInfo: TestInfo, name: string, target: Page | Locator): Promise<string> {
  const file = testInfo.outputPath(name);
  await target.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
  return file;
}

test("the demo by clicks: search watched, diff in Monaco, compare, pin, prune (gone from Docker), hand edit judged, export, apply, pause and resume", async ({ page }, testInfo) => {
  test.setTimeout(480_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  // the printed URL opens the studio, connected to the engine, Docker ready
  await page.goto(studio.url);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "open");
  await expect(page.locator(".studio-header .chip", { hasText: /^docker/ })).toHaveClass(/chip-ok/);

  // open the demo: a fresh copy of the sample app and its spec, validated, recipe generator only
  await page.getByTestId("demo-open").click();
  const form = page.getByTestId("new-session-form");
  await expect(form.getByText(/✓ valid/)).toBeVisible({ timeout: 30_000 });
  const repoPath = await page.getByTestId("new-session-repo").inputValue();
  expect(git(repoPath, "status", "--porcelain")).toBe("");
  const baseCommit = git(repoPath, "rev-parse", "HEAD");
  await expect(page.getByTestId("new-session-generators").locator('input[value="recipe"]')).toBeChecked();

  // start: the form gives way to the session's bar and its tree, which grows as the search runs
  await page.getByTestId("session-start").click();
  await expect(form).toBeHidden();
  const status = page.getByTestId("session-status");
  await expect(status).toHaveAttribute("data-status", /preparing|running/);
  const counts = page.getByTestId("tree-counts");
  const seen = new Set<number>();
  // a node two levels down means the search has expanded a child (which now has a checkpoint)
  await expect
    .poll(
      async () => {
        const text = (await counts.textContent()) ?? "";
        const count = Number(/([\d,]+) nodes/.exec(text)?.[1]?.replace(/,/g, "") ?? 0);
        if (count > 0) seen.add(count);
        // the tree's hit layer has only the nodes on screen: fit the view so every level is there
        await page.getByTestId("tree-fit").click();
        return nodesAt(page, 2).count();
      },
      { timeout: 300_000, intervals: [200] },
    )
    .toBeGreaterThan(0);
  await page.getByTestId("session-pause").click();
  await expect(status).toHaveAttribute("data-status", "paused", { timeout: 60_000 });
  // the count went up while the test watched (deltas arrive in batches: root, children, theirs)
  expect([...seen].length).toBeGreaterThanOrEqual(2);
  expect([...seen]).toEqual([...seen].sort((a, b) => a - b));

  await page.getByTestId("tree-fit").click();
  await expect(nodesAt(page, 0)).toHaveCount(1);
  const sessionId = new URLSearchParams(new URL(page.url()).hash.slice(1)).get("session");
  expect(sessionId).toBeTruthy();

  // two scored children of the root
  const children = await idsOf(nodesAt(page, 1, "scored"));
  expect(children.length).toBeGreaterThanOrEqual(2);

  // a grandchild, then its parent by the keyboard (←): the expanded child, the one to prune
  const grandchild = (await idsOf(nodesAt(page, 2)))[0]!;
  await treeNode(page, grandchild).click();
  await expect(page.getByTestId("inspector")).toHaveAttribute("data-node-id", grandchild);
  await page.keyboard.press("ArrowLeft");
  const inspector = page.getByTestId("inspector");
  await expect(inspector).not.toHaveAttribute("data-node-id", grandchild);
  const pruneId = (await inspector.getAttribute("data-node-id"))!;
  expect(children.concat(await idsOf(nodesAt(page, 1)))).toContain(pruneId);
  const pinId = children.find((id) => id !== pruneId)!;

  // select a node: its diff against its parent in Monaco, console calls out, logger calls in
  await select(page, pinId);
  const diffView = page.getByTestId("diff-view");
  const files = await attributesOf(diffView.getByTestId("diff-file"), "data-path");
  expect(files.length).toBeGreaterThan(0);
  await expect(diffView.locator(".monaco-diff-editor .editor.original .view-lines:not(.line-delete)")).toContainText(/console\.(log|warn|error)/);
  await expect(diffView.locator(".monaco-diff-editor .editor.modified .view-lines:not(.line-delete)")).toContainText(/logger\.(info|warn|error)/);
  await shoot(testInfo, "inspector-diff.png", inspector);

  // compare with another node: Shift-click it in the tree
  await treeNode(page, pruneId).click({ modifiers: ["Shift"] });
  const compare = page.getByTestId("compare-view");
  await expect(compare).toHaveAttribute("data-left-id", pinId);
  await expect(compare).toHaveAttribute("data-right-id", pruneId);
  await expect(compare).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  expect(page.url()).toContain(`compare=${pruneId}`);
  await shoot(testInfo, "inspector-compare.png", inspector);
  await compare.getByRole("button", { name: "Close compare" }).click();
  await expect(diffView).toHaveAttribute("data-ready", "true", { timeout: 30_000 });

  // pin it: the engine's delta turns the button into Unpin
  await page.getByTestId("action-pin").click();
  await expect(page.getByTestId("action-unpin")).toBeVisible();
  await expect(inspector.locator(".node-summary .badge", { hasText: "pinned" })).toBeVisible();

  // the node to prune has a checkpoint image, listed in the sandboxes panel and present in Docker
  await select(page, pruneId);
  const checkpointBadge = inspector.locator(".node-summary .badge", { hasText: "checkpoint" });
  await expect(checkpointBadge).toBeVisible({ timeout: 60_000 });
  const image = (await checkpointBadge.getAttribute("title"))!;
  expect(imageExists(image)).toBe(true);
  expect(nodeResources(pruneId).images.length).toBeGreaterThan(0);
  await page.getByTestId("open-sandboxes").click();
  await expect(page.locator(`[data-testid="sandbox-checkpoint"][data-node-id="${pruneId}"]`)).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("open-sandboxes").click();
  await expect(inspector).toHaveAttribute("data-node-id", pruneId);

  // prune it, confirmed: the node turns pruned and Docker has nothing of it or of its subtree
  await page.getByTestId("action-prune").click();
  await expect(page.getByRole("dialog")).toContainText(image.slice(0, 19));
  await page.getByTestId("confirm-ok").click();
  await expect(treeNode(page, pruneId)).toHaveAttribute("data-state", "pruned");
  await expect(treeNode(page, grandchild)).toHaveAttribute("data-state", "pruned");
  await expect(checkpointBadge).toBeHidden({ timeout: 60_000 });
  expect(imageExists(image)).toBe(false);
  expect(nodeResources(pruneId)).toEqual({ containers: [], images: [] });
  expect(nodeResources(grandchild)).toEqual({ containers: [], images: [] });
  await page.getByTestId("open-sandboxes").click();
  await expect(page.getByTestId("sandboxes-panel").getByText(/checkpoints ·/)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`[data-testid="sandbox-checkpoint"][data-node-id="${pruneId}"]`)).toHaveCount(0);
  await page.getByTestId("open-sandboxes").click();

  // edit the pinned node by hand in Monaco: saving makes a child, judged like any other
  await select(page, pinId);
  await page.getByTestId("action-edit").click();
  const editView = page.getByTestId("edit-view");
  await expect(editView).toBeVisible();
  const editFile = editView.getByTestId("edit-file").first();
  const editedPath = (await editFile.getAttribute("data-path"))!;
  await editFile.click();
  const code = editView.locator(".monaco-editor .view-lines");
  await expect(code).toContainText(/logger/);
  await code.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("// reviewed by hand in the studio");
  await page.keyboard.press("Enter");
  await expect(editView.getByText("1 file changed")).toBeVisible();
  await editView.getByTestId("edit-save").click();
  await expect(inspector).not.toHaveAttribute("data-node-id", pinId);
  const manualId = (await inspector.getAttribute("data-node-id"))!;
  await expect(inspector.getByTestId("hypothesis")).toHaveAttribute("data-kind", "manual");
  await expect(inspector.getByTestId("node-state")).toHaveText("scored", { timeout: 120_000 });
  await expect(treeNode(page, manualId)).toHaveAttribute("aria-level", "3");
  await expect(inspector.getByTestId("check")).not.toHaveCount(0);
  for (const check of await inspector.getByTestId("check").all()) await expect(check).toHaveAttribute("data-status", "passed");
  await expect(diffView).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  expect(await attributesOf(diffView.getByTestId("diff-file"), "data-path")).toEqual([editedPath]);
  await expect(diffView.locator(".monaco-diff-editor .editor.modified .view-lines:not(.line-delete)")).toContainText("reviewed by hand");

  // export the pinned node's patch: a download that applies to the repository
  await select(page, pinId);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("action-export").click()]);
  expect(download.suggestedFilename()).toMatch(/\.patch$/);
  const patchFile = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(patchFile);
  git(repoPath, "apply", "--check", patchFile);

  // apply it as a branch of the demo's repository copy: the branch has the change, the work tree is untouched
  await page.getByTestId("apply-branch").fill("forklift/studio-e2e");
  await page.getByTestId("action-apply").click();
  const applied = page.getByTestId("apply-result");
  await expect(applied).toHaveAttribute("data-state", "applied", { timeout: 30_000 });
  await expect(applied).toHaveAttribute("data-branch", "forklift/studio-e2e");
  expect(git(repoPath, "rev-parse", "forklift/studio-e2e")).toBe(await applied.getAttribute("data-commit"));
  expect(git(repoPath, "rev-parse", "forklift/studio-e2e~1")).toBe(baseCommit);
  expect(git(repoPath, "diff", "--name-only", "HEAD", "forklift/studio-e2e").split("\n").sort()).toEqual([...files].sort());
  expect(git(repoPath, "status", "--porcelain")).toBe("");
  expect(git(repoPath, "rev-parse", "HEAD")).toBe(baseCommit);

  // resume: the search runs on to a solution; the pin held
  await page.getByTestId("session-resume").click();
  await expect(status).toHaveAttribute("data-status", /running|done/);
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 300_000 });
  await expect(status).toContainText("solution");
  await expect(page.getByTestId("action-unpin")).toBeVisible();

  // the finished tree with a solution selected: the screenshots
  await page.getByTestId("tree-fit").click();
  const solution = page.locator('[data-testid="tree-node"][data-state="scored"][aria-label*=" 0 sites left"]').first();
  await expect(solution).toBeVisible();
  await select(page, (await solution.getAttribute("data-node-id"))!);
  await expect(page.getByTestId("apply-branch")).toHaveValue(""); // what was typed for another node is not kept
  await page.mouse.move(0, 0);
  await shoot(testInfo, "tree.png", page.getByTestId("fork-tree"));
  const whole = await shoot(testInfo, "studio.png", page);
  if (process.env.FORKLIFT_DOCS_SCREENSHOT) copyFileSync(whole, path.resolve(repositoryRoot, process.env.FORKLIFT_DOCS_SCREENSHOT));

  // a finished session frees its sandboxes: Docker has nothing of it, and the panel says so
  await expect.poll(() => leftovers(`${studio.labelPrefix}`), { timeout: 60_000 }).toEqual([]);
  await page.getByTestId("open-sandboxes").click();
  await expect(page.getByTestId("sandboxes-panel").getByText("No Forklift sandbox on this Docker host")).toBeVisible({ timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});
