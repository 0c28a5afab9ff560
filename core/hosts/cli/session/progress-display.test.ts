import { describe, expect, it } from "vitest";
import { testNode, testSession, testTree } from "../../../../shared/domain/testing/domain-fixtures.ts";
import { formatTree } from "./format-tree.ts";
import { ProgressDisplay } from "./progress-display.ts";
import { formatResultTable } from "./result-table.ts";

const score = (value: number, sitesLeft: number) => ({ value, sitesLeft, gatesHeld: true, parts: {} });
const tree = (status: "running" | "done", nodes = 1) => ({
  ...testTree([
    testNode("root0000", undefined, { score: score(0, 4) }),
    ...Array.from({ length: nodes - 1 }, (_, i) => testNode(`child00${i}`, "root0000", { depth: 1, score: score(10, i === 0 ? 0 : 3), hypothesis: { kind: "recipe", ruleId: "log", fixId: "fields" } })),
  ]),
  session: testSession({ id: "abcdef0123", repoPath: "/repos/app", status, ...(status === "done" ? { reason: "solution: node child000" } : {}) }),
});

describe("progress and results", () => {
  it("redraws one line per session in place on a TTY", () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: true, write: (text: string) => written.push(text) });
    display.update(tree("running"));
    display.update(tree("running", 3));
    const escape = "\u001b";
    expect(written[0]?.startsWith(`\r${escape}[2Kapp [abcdef01]  running  depth 0  sites 4→4  nodes 1`)).toBe(true);
    expect(written[1]?.startsWith(`${escape}[1A\r${escape}[2Kapp [abcdef01]  running  depth 1  sites 4→0  nodes 3`)).toBe(true);
  });

  it("prints a warning above the progress lines on a TTY, then draws them again below it", () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ isTTY: true, write: (text: string) => written.push(text) });
    display.update(tree("running"));
    display.note("warn: fast tier unavailable: Cannot find module 'typescript'; slow checks judge every hypothesis");
    const escape = "\u001b";
    expect(written[1]).toBe(`${escape}[1A\r${escape}[Jwarn: fast tier unavailable: Cannot find module 'typescript'; slow checks judge every hypothesis\n`);
    expect(written[2]?.startsWith(`\r${escape}[2Kapp [abcdef01]  running`)).toBe(true);
  });

  it("prints a plain line only when something changed otherwise", () => {
    const written: string[] = [];
    const display = new ProgressDisplay({ write: (text: string) => written.push(text) });
    display.update(tree("running"));
    display.update(tree("running"));
    display.update(tree("done", 3));
    expect(written).toHaveLength(2);
    expect(written[1]).toMatch(/solved {2}depth 1 {2}sites 4→0/);
  });

  it("formats the tree and the result table", () => {
    const text = formatTree(tree("done", 3));
    expect(text.split("\n")[1]).toMatch(/^root0000 root +scored {2}score 0 {2}sites 4$/);
    expect(text).toMatch(/├─ child000 recipe log\/fields +scored {2}score 10 {2}sites 0 {2}SOLUTION\n└─ child001/);
    expect(formatResultTable([tree("done", 3)])).toMatch(/^REPOSITORY {2}SESSION {3}STATUS {2}RESULT {13}SITES.*\napp {9}abcdef01 {2}done {4}solution child000 {2}4→0/);
  });
});
