import { z } from "zod";
import { NodeSchema } from "../domain/node.ts";
import { SessionSchema } from "../domain/session.ts";
import { TreeDeltaSchema } from "../domain/tree-delta.ts";
import { TreeSchema } from "../domain/tree.ts";
import { CheckDetailSchema } from "./check-detail.ts";
import { GcReportSchema, SandboxListingSchema } from "./sandbox-listing.ts";
import { SessionInfoSchema } from "./session-info.ts";
import { SettingsPatchSchema, SettingsSchema } from "./settings.ts";
import { SpecCheckSchema } from "./spec-check.ts";
import { LlmCheckSchema, SystemStatusSchema } from "./system-status.ts";

const id = z.string().min(1);
const sessionRequest = z.strictObject({ sessionId: id });
const nodeRequest = z.strictObject({ nodeId: id });
const noRequest = z.strictObject({});

/** One file of a diff, for a side-by-side view: null where the file does not exist on that side. */
export const FileDiffSchema = z.strictObject({ path: z.string().min(1), before: z.string().nullable(), after: z.string().nullable() });
/** See {@link FileDiffSchema}. */
export type FileDiff = z.infer<typeof FileDiffSchema>;

/** What differs between two states: the files side by side and a unified patch. */
const fileDiffs = z.strictObject({ files: z.array(FileDiffSchema), patch: z.string() });

/** The generators a session can use, as the spec names them. */
export const GeneratorNameSchema = z.enum(["recipe", "llm"]);
/** See {@link GeneratorNameSchema}. */
export type GeneratorName = z.infer<typeof GeneratorNameSchema>;

/**
 * The engine's API, the same in every host (Electron IPC, local WebSocket, in-process): each
 * "noun/verb" method with its request and response. The server validates every request; errors
 * come back as coded values (ErrorValue), never as thrown strings.
 */
export const contract = {
  /** What the engine needs from the machine (Docker, the base image, the LLM endpoint), for empty and error states. */
  "system/status": { request: noRequest, response: SystemStatusSchema },
  /** Asks the configured LLM endpoint for its models: reachable or not, and why. */
  "system/checkLlm": { request: noRequest, response: LlmCheckSchema },
  /** Copies the bundled sample repository into a fresh git repository and returns it with its spec, ready for session/start. */
  "demo/prepare": { request: noRequest, response: z.strictObject({ repoPath: z.string(), specPath: z.string() }) },
  /** Reads a migration spec file (YAML text) for the editor. */
  "spec/read": { request: z.strictObject({ path: z.string().min(1) }), response: z.strictObject({ path: z.string(), text: z.string() }) },
  /** Checks spec text as session/start would (every rule compiled, every path checked), with located diagnostics; `path` resolves relative paths. */
  "spec/validate": { request: z.strictObject({ text: z.string(), path: z.string().min(1).optional() }), response: SpecCheckSchema },
  /** Starts a session: one spec applied to one repository; returns once it is recorded (preparing). */
  "session/start": {
    request: z.strictObject({
      specPath: z.string().min(1),
      repoPath: z.string().min(1),
      /** Include the repository's uncommitted work in the root instead of refusing it. */
      allowDirty: z.boolean().optional(),
      /** Which of the spec's generators run (default: every one the spec configures). */
      generators: z.array(GeneratorNameSchema).min(1).optional(),
    }),
    response: SessionSchema,
  },
  /** Every session in the store, newest first. */
  "session/list": { request: z.strictObject({}), response: z.array(SessionSchema) },
  /** Stops generating and checking after what is in flight; the tree stays. */
  "session/pause": { request: sessionRequest, response: SessionSchema },
  /** Continues a paused or interrupted session (nodes left checking are checked again). */
  "session/resume": { request: sessionRequest, response: SessionSchema },
  /** Ends a session for good; its tree can still be browsed, exported and applied. */
  "session/stop": { request: sessionRequest, response: SessionSchema },
  /** A session with its spec, budgets and what it has spent. */
  "session/info": { request: sessionRequest, response: SessionInfoSchema },
  /** A session's whole tree, with the seq of the last event it includes. */
  "tree/get": { request: sessionRequest, response: TreeSchema },
  /** Keeps a node in the beam whatever its score. */
  "node/pin": { request: nodeRequest, response: NodeSchema },
  "node/unpin": { request: nodeRequest, response: NodeSchema },
  /** Drops a node (and so never expands it again). */
  "node/prune": { request: z.strictObject({ nodeId: id, reason: z.string().optional() }), response: NodeSchema },
  /** Asks for more hypotheses from a node, optionally steered by the user's hint; returns the new (pending) nodes. */
  "node/expand": {
    request: z.strictObject({ nodeId: id, hint: z.string().optional(), count: z.number().int().positive().max(32).optional() }),
    response: z.strictObject({ nodeIds: z.array(id) }),
  },
  /** Adds the user's own edit under a node: SEARCH/REPLACE blocks, or whole files (null deletes). */
  "node/addManualEdit": {
    request: z.union([
      z.strictObject({ parentId: id, editBlocks: z.string().min(1) }),
      z.strictObject({ parentId: id, changes: z.record(z.string().min(1), z.string().nullable()) }),
    ]),
    response: NodeSchema,
  },
  /** What a node changes, against its parent or the root commit: files side by side and a unified patch. */
  "node/diff": {
    request: z.strictObject({ nodeId: id, against: z.enum(["parent", "root"]) }),
    response: fileDiffs,
  },
  /** What differs between any two nodes of one session (left → right), files side by side and a unified patch. */
  "node/compare": { request: z.strictObject({ leftId: id, rightId: id }), response: fileDiffs },
  /** Each check run on a node in full: new and fixed failures by name and the captured output. */
  "node/checks": { request: nodeRequest, response: z.strictObject({ checks: z.array(CheckDetailSchema) }) },
  /** A git-apply-able patch of a node against the root commit, with its provenance in the header. */
  "node/export": { request: nodeRequest, response: z.strictObject({ patch: z.string(), fileName: z.string() }) },
  /** Commits a node's files on a new branch of the user's repository (default `forklift/<session>`; the working tree is not touched). */
  "node/apply": {
    request: z.strictObject({ nodeId: id, branch: z.string().min(1).optional() }),
    response: z.strictObject({ branch: z.string(), commit: z.string() }),
  },
  /** Forklift's checkpoints and containers on the Docker host (optionally of one session), with the disk they use. */
  "sandbox/list": { request: z.strictObject({ sessionId: id.optional() }), response: SandboxListingSchema },
  /** Removes the sandboxes no live session of this store needs; `dryRun` only previews. */
  "sandbox/gc": { request: z.strictObject({ dryRun: z.boolean() }), response: GcReportSchema },
  /** The studio's settings (the LLM endpoint and model; whether a key is set, never the key). */
  "settings/get": { request: noRequest, response: SettingsSchema },
  /** Changes the settings; returns them as they now are. */
  "settings/set": { request: SettingsPatchSchema, response: SettingsSchema },
} as const satisfies Record<`${string}/${string}`, { request: z.ZodType; response: z.ZodType }>;

/** A method name of the {@link contract}. */
export type Method = keyof typeof contract;
/** What a caller passes to a method (defaults not yet filled). */
export type RequestOf<M extends Method> = z.input<(typeof contract)[M]["request"]>;
/** What a method's handler receives, validated. */
export type ValidRequestOf<M extends Method> = z.output<(typeof contract)[M]["request"]>;
/** What a method returns. */
export type ResponseOf<M extends Method> = z.output<(typeof contract)[M]["response"]>;

/** The engine's implementation of the contract, as a host serves it. */
export type EngineApi = { [M in Method]: (request: ValidRequestOf<M>) => Promise<ResponseOf<M>> };

/** What the engine spends and has left, sent as the search goes. */
export const ProgressSchema = z.strictObject({
  sessionId: id,
  depth: z.number().int().nonnegative(),
  sitesLeft: z.number().int().nonnegative(),
  nodesChecking: z.number().int().nonnegative(),
  spent: z.strictObject({ tokens: z.number().nonnegative(), usd: z.number().nonnegative(), wallMs: z.number().nonnegative() }),
});

/** One line of the engine's log, for the UI's log panel. */
export const LogLineSchema = z.strictObject({
  level: z.enum(["debug", "info", "warn", "error"]),
  message: z.string(),
  sessionId: id.optional(),
  nodeId: id.optional(),
  at: z.number().int().nonnegative(),
});

/** The events the engine pushes to every client. */
export const events = {
  "tree/delta": TreeDeltaSchema,
  progress: ProgressSchema,
  log: LogLineSchema,
} as const satisfies Record<string, z.ZodType>;

/** An event name of {@link events}. */
export type EventName = keyof typeof events;
/** The payload of an event. */
export type EventOf<E extends EventName> = z.output<(typeof events)[E]>;
/** Any engine event, tagged with its name. */
export type EngineEvent = { [E in EventName]: { name: E; payload: EventOf<E> } }[EventName];
