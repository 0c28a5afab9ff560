/** The labels Forklift puts on every container and image it creates; `gc` and the leak checks find resources by them. */
import { ForkliftError } from "../../shared/errors.ts";

/** Label keys. `session` is present on everything Forklift may remove. */
export const labelKeys = {
  session: "forklift.session",
  node: "forklift.node",
  role: "forklift.role",
  /** On forks: the checkpoint (image id) they were forked from. */
  checkpoint: "forklift.checkpoint",
  /** On images: what kind of image (`base` for the offline base image, `checkpoint`, `built`). */
  image: "forklift.image",
  /** The id of the store whose session made the resource (`gc` removes only its own store's by default). */
  store: "forklift.store",
  /** Where that store is (an absolute path), so `gc --all-stores` can ask it whether the session is live. */
  storePath: "forklift.store-path",
} as const;

/** The labels naming the store a resource belongs to. */
export function storeLabels(id: string, path: string): Record<string, string> {
  return { [labelKeys.store]: id, [labelKeys.storePath]: path };
}

/** What a labelled resource is for. */
export type ResourceRole = "base" | "fork" | "checkpoint" | "image";

/** The labels of a resource owned by a session. */
export function forkliftLabels(session: string, node: string, role: ResourceRole, extra: Record<string, string> = {}): Record<string, string> {
  return { [labelKeys.session]: session, [labelKeys.node]: node, [labelKeys.role]: role, ...extra };
}

/** Checks a session or node id before it is put on a resource (labels accept anything; tags and logs should not). */
export function assertValidId(kind: "session" | "node", id: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(id)) {
    throw new ForkliftError("invalid-input", `invalid ${kind} id ${JSON.stringify(id)}: use 1-100 letters, digits, '_', '.', '-'`);
  }
}
