/** Resource limits of a sandbox container, and the defaults every container gets. */
import { ForkliftError } from "../../shared/errors.ts";

/** What one sandbox may use. Memory is a hard limit with no swap beyond it. */
export interface ResourceLimits {
  /** Memory limit in bytes; swap is set equal, so there is no extra swap. */
  readonly memoryBytes: number;
  /** CPU quota in cores (fractions allowed). */
  readonly cpus: number;
  /** Maximum number of processes and threads; a fork bomb stops here. */
  readonly pids: number;
}

/** The defaults (documented in containers/README.md): 2 GiB memory = swap, 1 CPU, 512 pids. */
export const defaultLimits: ResourceLimits = Object.freeze({
  memoryBytes: 2 * 1024 ** 3,
  cpus: 1,
  pids: 512,
});

/** Fills unset fields from the defaults and rejects values no engine would accept. */
export function resolveLimits(partial: Partial<ResourceLimits> | undefined, base: ResourceLimits = defaultLimits): ResourceLimits {
  const limits = { ...base, ...stripUndefined(partial ?? {}) };
  if (!(limits.memoryBytes >= 6 * 1024 ** 2)) throw new ForkliftError("invalid-input", `memory limit too small: ${limits.memoryBytes} bytes (minimum 6 MiB)`);
  if (!(limits.cpus > 0)) throw new ForkliftError("invalid-input", `cpus must be positive: ${limits.cpus}`);
  if (!(Number.isInteger(limits.pids) && limits.pids >= 8)) throw new ForkliftError("invalid-input", `pids limit must be an integer ≥ 8: ${limits.pids}`);
  return limits;
}

/** True when two limit sets are the same (a pooled container can serve the request). */
export function sameLimits(a: ResourceLimits, b: ResourceLimits): boolean {
  return a.memoryBytes === b.memoryBytes && a.cpus === b.cpus && a.pids === b.pids;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
