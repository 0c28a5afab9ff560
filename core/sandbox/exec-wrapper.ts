/**
 * The shell wrapper every sandbox command runs under. It puts the command in a session and process
 * group of its own, kills that whole group when the command ends or its time is up (so a child
 * that outlives or ignores its parent dies too, and the sandbox stays usable), and reports on
 * stderr, behind a per-call nonce, the group id and how often the memory and process limits were
 * hit during the command (from the container's cgroup counters).
 *
 * Why in the sandbox and not from the host: a fork bomb fills the process limit, and then the
 * engine cannot start a `kill` in the container any more; the watchdog is forked before the
 * command starts and needs only shell built-ins to kill. Needs `sh`, `setsid` and `sleep` in the
 * image (see containers/README.md).
 */

/** Marker lines start with this byte (ASCII record separator) followed by the nonce. */
export const markerLead = "\u001e";

// Shell built-ins only after the command has started: `read`, `kill`, `printf`, arithmetic.
// `exec 3<&0` … `<&3`: a background job of a non-interactive shell would otherwise get /dev/null
// as stdin. `kill -9 -PGID` (dash's kill has no `--`); the loops are bounded because killed
// members stay visible as zombies until init reaps them.
const script = String.raw`t=$1; n=$2; shift 2
counters() {
  o=0; p=0
  for f in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do
    if [ -r "$f" ]; then while read -r k v; do [ "$k" = oom_kill ] && o=$v; done < "$f"; break; fi
  done
  for f in /sys/fs/cgroup/pids.events /sys/fs/cgroup/pids/pids.events; do
    if [ -r "$f" ]; then while read -r k v; do [ "$k" = max ] && p=$v; done < "$f"; break; fi
  done
}
counters; o0=$o; p0=$p
exec 3<&0
setsid "$@" <&3 3<&- &
c=$!
exec 3<&-
printf '\036%s pgid=%s\n' "$n" "$c" >&2
w=
if [ "$t" != 0 ]; then
  setsid sh -c 'sleep "$1"; printf "\036%s timeout\n" "$3" >&2; i=0; while kill -9 "-$2" 2>/dev/null && [ $i -lt 1000 ]; do i=$((i+1)); done' forklift-watchdog "$t" "$c" "$n" </dev/null >/dev/null &
  w=$!
fi
wait "$c"; rc=$?
i=0; while kill -9 "-$c" 2>/dev/null && [ $i -lt 1000 ]; do i=$((i+1)); done
[ -n "$w" ] && kill -9 "-$w" 2>/dev/null
counters
printf '\036%s end rc=%s oom=%s pids=%s\n' "$n" "$rc" "$((o - o0))" "$((p - p0))" >&2
exit "$rc"`;

/** The argv that runs `command` under the wrapper; `timeoutMs` 0 means no watchdog. */
export function wrapCommand(command: string | readonly string[], options: { timeoutMs: number; nonce: string }): string[] {
  const argv = typeof command === "string" ? ["sh", "-c", command] : [...command];
  if (argv.length === 0) throw new RangeError("empty command");
  const seconds = options.timeoutMs > 0 ? (Math.max(1, options.timeoutMs) / 1000).toFixed(3) : "0";
  return ["sh", "-c", script, "forklift-exec", seconds, options.nonce, ...argv];
}

/** The argv that kills a wrapped command's process group from outside (the host's backstop). */
export function killGroupCommand(pgid: number): string[] {
  return ["sh", "-c", 'i=0; while kill -9 "-$1" 2>/dev/null && [ $i -lt 1000 ]; do i=$((i+1)); done; exit 0', "forklift-kill", String(pgid)];
}

/** What the wrapper reported. */
export type WrapperMarker =
  | { readonly kind: "pgid"; readonly pgid: number }
  | { readonly kind: "timeout" }
  | { readonly kind: "end"; readonly exitCode: number; readonly oomKills: number; readonly pidsLimitHits: number };

/** Parses the text of one marker line (after the nonce); undefined for anything else. */
export function parseMarker(text: string): WrapperMarker | undefined {
  const pgid = /^pgid=(\d+)$/.exec(text);
  if (pgid) return { kind: "pgid", pgid: Number(pgid[1]) };
  if (text === "timeout") return { kind: "timeout" };
  const end = /^end rc=(\d+) oom=(-?\d+) pids=(-?\d+)$/.exec(text);
  if (end) return { kind: "end", exitCode: Number(end[1]), oomKills: Number(end[2]), pidsLimitHits: Number(end[3]) };
  return undefined;
}
