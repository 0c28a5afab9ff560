// Runs the wrapper script with the host's own `sh` and `setsid`: the same POSIX behaviour the
// sandbox relies on, checked without Docker. The docker suite checks it again inside a container.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseMarker, wrapCommand, type WrapperMarker } from "./exec-wrapper.ts";
import { MarkerFilter } from "./marker-filter.ts";

interface Run {
  stdout: string;
  stderr: string;
  markers: WrapperMarker[];
  code: number | null;
  ms: number;
}

function runWrapped(command: string | string[], timeoutMs: number, stdin?: string): Promise<Run> {
  const [file, ...args] = wrapCommand(command, { timeoutMs, nonce: "t3st" });
  const started = Date.now();
  const child = spawn(file!, args, { stdio: ["pipe", "pipe", "pipe"] });
  const run: Run = { stdout: "", stderr: "", markers: [], code: null, ms: 0 };
  const filter = new MarkerFilter(
    "t3st",
    (bytes) => (run.stderr += bytes.toString()),
    (text) => {
      const marker = parseMarker(text);
      if (marker) run.markers.push(marker);
    },
  );
  child.stdout.on("data", (bytes: Buffer) => (run.stdout += bytes.toString()));
  child.stderr.on("data", (bytes: Buffer) => filter.push(bytes));
  child.stdin.end(stdin ?? "");
  return new Promise((resolve) =>
    child.on("close", (code) => {
      filter.flush();
      run.code = code;
      run.ms = Date.now() - started;
      resolve(run);
    }),
  );
}

describe("exec wrapper (host sh)", () => {
  it("passes stdin, output and the exit code through and reports the end", async () => {
    const run = await runWrapped("cat; echo err >&2; exit 3", 0, "hello\n");
    expect(run.stdout).toBe("hello\n");
    expect(run.stderr).toBe("err\n");
    expect(run.code).toBe(3);
    expect(run.markers.map((m) => m.kind)).toEqual(["pgid", "end"]);
    expect(run.markers[1]).toMatchObject({ kind: "end", exitCode: 3 });
  });

  it("runs an argv without a shell", async () => {
    const run = await runWrapped(["printf", "%s|", "a b", "$HOME"], 0);
    expect(run.stdout).toBe("a b|$HOME|");
  });

  it("kills the whole process tree at the timeout, including a child that ignores signals", async () => {
    const run = await runWrapped("(trap '' HUP INT TERM; sleep 30; echo survived) & sleep 30", 500);
    expect(run.stdout).not.toContain("survived");
    expect(run.markers.map((m) => m.kind)).toEqual(["pgid", "timeout", "end"]);
    expect(run.code).toBe(137);
    expect(run.ms).toBeLessThan(10_000);
  });

  it("kills background leftovers when the command itself exits", async () => {
    const run = await runWrapped("(sleep 30; echo late) & echo early", 0);
    expect(run.stdout).toBe("early\n");
    expect(run.ms).toBeLessThan(10_000);
  });
});
