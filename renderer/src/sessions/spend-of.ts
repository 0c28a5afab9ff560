/** What a session has spent: the latest of session/info and the progress events (whichever counted more). */
import type { SessionInfo, Spend } from "../../../shared/protocol/session-info.ts";
import type { Progress } from "../trees/trees-slice.ts";

/** See the module comment; zero when neither has arrived. */
export function spendOf(info: SessionInfo | undefined, progress: Progress | undefined): Spend {
  const a = info?.spent ?? { tokens: 0, usd: 0, wallMs: 0 };
  const b = progress?.spent ?? { tokens: 0, usd: 0, wallMs: 0 };
  return { tokens: Math.max(a.tokens, b.tokens), usd: Math.max(a.usd, b.usd), wallMs: Math.max(a.wallMs, b.wallMs) };
}
