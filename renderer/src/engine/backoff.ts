/**
 * How long to wait before reconnection attempt `attempt` (0-based): exponential from `baseMs`,
 * capped at `maxMs`, with up to `jitter` of it randomised away so many windows do not retry in step.
 */
export function backoffDelay(attempt: number, options: { baseMs?: number; maxMs?: number; jitter?: number; random?: () => number } = {}): number {
  const { baseMs = 250, maxMs = 10_000, jitter = 0.2, random = Math.random } = options;
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(full * (1 - jitter * random()));
}
