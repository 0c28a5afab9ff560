import type { z } from "zod";
import { ForkliftError, toErrorValue } from "../errors.ts";
import { contract } from "./contract.ts";
import type { EngineApi, EngineEvent, Method } from "./contract.ts";
import { createEventBatch } from "./event-batch.ts";
import type { EventBatchOptions } from "./event-batch.ts";
import { checkTree } from "./tree-check.ts";
import type { Transport, WireMessage } from "./wire.ts";

/** Where a server's pushed events come from: the engine's event stream. */
export interface EventSource {
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

/**
 * Serves the engine's API over a transport: validates every request against the contract
 * (an invalid one is answered with an "invalid-input" error naming the field, and never reaches
 * the engine), answers with the result or a coded error, and forwards engine events, coalesced
 * into frames (see createEventBatch; a response is never sent ahead of an event that happened
 * before it). The same call in every host. Returns a function that stops serving (events still
 * queued are sent first).
 */
export function serveRpc(transport: Transport, api: EngineApi, events?: EventSource, batching?: EventBatchOptions): () => void {
  const batch = createEventBatch((message) => transport.send(message), batching);
  const stopListening = transport.onMessage((message) => {
    if (message.kind !== "request") return;
    void answer(message.id, message.method, message.params).then((reply) => {
      batch.flush();
      transport.send(reply);
    });
  });
  const stopEvents = events?.subscribe((event) => batch.add(event));

  async function answer(id: number, method: string, params: unknown): Promise<WireMessage> {
    try {
      if (!Object.hasOwn(contract, method)) throw new ForkliftError("invalid-input", `unknown method ${JSON.stringify(method)}`);
      const { request, response } = contract[method as Method];
      const parsed = request.safeParse(params);
      if (!parsed.success) throw new ForkliftError("invalid-input", `${method}: ${firstIssue(parsed.error)}`);
      const handler = api[method as Method] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      // a whole tree can be 10,000 nodes: checked at a cost that does not grow with each node's detail (see checkTree)
      const result = method === "tree/get" ? checkTree(value) : response.safeParse(value);
      // the engine broke its own contract: a bug, reported as such rather than sent on
      if (!result.success) throw new Error(`${method} returned an invalid response: ${firstIssue(result.error)}`);
      return { kind: "response", id, ok: true, result: result.data };
    } catch (error) {
      return { kind: "response", id, ok: false, error: toErrorValue(error) };
    }
  }

  return () => {
    stopListening();
    stopEvents?.();
    batch.close();
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
