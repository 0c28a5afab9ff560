/**
 * One LLM call with Forklift's own retry policy: a timeout per attempt, cancellation, and
 * retries with exponential backoff and jitter on 429, 5xx and dropped connections, honouring
 * Retry-After. The openai client's own retries are turned off so these are the only ones, and
 * every attempt is counted in the hypothesis's provenance.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = one attempt only). */
  maxRetries: number;
  /** Backoff before retry n (0-based) is about `baseDelayMs * 2^n`, jittered, at most `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call gives up at once. */
  maxRetryAfterMs: number;
}

/** Defaults suited to hosted APIs; local endpoints rarely need them. */
export const defaultRetryPolicy: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Why a call produced no answer. */
export type CallFailure =
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "cancelled" }
  | { kind: "http"; status: number; message: string }
  | { kind: "connection"; message: string }
  | { kind: "bad-response"; message: string };

/** The result of {@link callWithRetries}: a value or a failure, with what it took. */
export type CallOutcome<T> = ({ kind: "ok"; value: T } | { kind: "failed"; failure: CallFailure }) & {
  /** Requests sent (1 + retries). */
  attempts: number;
  /** Wall time spent in requests, backoff waits excluded. */
  requestMs: number;
  /** Total time spent waiting between attempts. */
  backoffMs: number;
};

/** Options for {@link callWithRetries}. */
export interface CallOptions {
  policy: RetryPolicy;
  /** Limit for one attempt, headers and body; a timed-out attempt is not retried. */
  timeoutMs: number;
  /** Cancels the call, in flight or during a backoff wait. */
  signal?: AbortSignal;
  /** Source of jitter in [0, 1); injectable for deterministic tests. */
  random?: () => number;
}

/**
 * Runs `attempt` until it succeeds, fails for good, times out or is cancelled. `attempt` gets a
 * signal that aborts on timeout or cancellation and must pass it to the openai client.
 */
export async function callWithRetries<T>(attempt: (signal: AbortSignal) => Promise<T>, options: CallOptions): Promise<CallOutcome<T>> {
  const random = options.random ?? Math.random;
  let attempts = 0;
  let requestMs = 0;
  let backoffMs = 0;
  const done = (result: { kind: "ok"; value: T } | { kind: "failed"; failure: CallFailure }): CallOutcome<T> => ({
    ...result,
    attempts,
    requestMs,
    backoffMs,
  });

  for (;;) {
    if (options.signal?.aborted) return done({ kind: "failed", failure: { kind: "cancelled" } });
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    attempts++;
    const started = performance.now();
    try {
      const value = await attempt(signal);
      requestMs += performance.now() - started;
      return done({ kind: "ok", value });
    } catch (error) {
      requestMs += performance.now() - started;
      const failure = classify(error, options, timeout);
      const retriesLeft = options.policy.maxRetries - (attempts - 1);
      if (!isRetryable(failure) || retriesLeft <= 0) return done({ kind: "failed", failure });
      const wait = backoffDelay(error, attempts - 1, options.policy, random);
      if (wait.kind === "too-long") {
        const why = `the endpoint asks to wait ${Math.ceil(wait.ms / 1000)} s, longer than the ${Math.ceil(options.policy.maxRetryAfterMs / 1000)} s allowed`;
        return done({ kind: "failed", failure: failure.kind === "http" ? { ...failure, message: `${failure.message}; ${why}` } : failure });
      }
      const slept = await sleep(wait.ms, options.signal);
      backoffMs += wait.ms;
      if (!slept) return done({ kind: "failed", failure: { kind: "cancelled" } });
    }
  }
}

/** A one-line description of a failure, fit for a log or for the hypothesis's reason. */
export function describeCallFailure(failure: CallFailure): string {
  switch (failure.kind) {
    case "timeout":
      return `no answer within ${failure.timeoutMs} ms`;
    case "cancelled":
      return "cancelled";
    case "http":
    case "connection":
    case "bad-response":
      return failure.message;
  }
}

function classify(error: unknown, options: CallOptions, timeout: AbortSignal): CallFailure {
  if (options.signal?.aborted) return { kind: "cancelled" };
  if (timeout.aborted || error instanceof APIConnectionTimeoutError) return { kind: "timeout", timeoutMs: options.timeoutMs };
  if (error instanceof APIUserAbortError) return { kind: "cancelled" };
  if (error instanceof APIError && typeof error.status === "number") {
    return { kind: "http", status: error.status, message: `HTTP ${error.status}: ${firstLine(error.message)}` };
  }
  if (error instanceof APIConnectionError) {
    const code = systemErrorCode(error);
    return { kind: "connection", message: `could not reach the endpoint${code ? ` (${code})` : ""}: is the server running at that URL?` };
  }
  const text = error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
  return { kind: "bad-response", message: `the endpoint's answer could not be read (${text})` };
}

/** The first system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET…) in an error's cause chain. */
function systemErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

function isRetryable(failure: CallFailure): boolean {
  switch (failure.kind) {
    case "http":
      return failure.status === 429 || failure.status === 408 || failure.status >= 500;
    case "connection":
      return true;
    case "timeout":
    case "cancelled":
    case "bad-response":
      return false;
  }
}

type Wait = { kind: "wait"; ms: number } | { kind: "too-long"; ms: number };

/** Retry-After (or OpenAI's retry-after-ms) when the endpoint sent one, else jittered exponential backoff. */
function backoffDelay(error: unknown, retry: number, policy: RetryPolicy, random: () => number): Wait {
  const asked = error instanceof APIError && error.headers ? retryAfterMs(error.headers) : undefined;
  if (asked !== undefined) {
    if (asked > policy.maxRetryAfterMs) return { kind: "too-long", ms: asked };
    // A little jitter on top so the K siblings told the same thing do not return in lockstep.
    return { kind: "wait", ms: Math.round(asked + random() * Math.min(250, asked * 0.1 + 50)) };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return { kind: "wait", ms: Math.round(ceiling / 2 + (random() * ceiling) / 2) };
}

/** Parses `retry-after-ms`, or `retry-after` as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (value.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`; resolves false early if `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").trim();
}
