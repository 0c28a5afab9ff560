import { describe, expect, it } from "vitest";
import type { WireMessage } from "../../shared/protocol/wire.ts";
import { decodeWireMessage } from "./decode-wire-message.ts";
import { createPortTransport } from "./port-transport.ts";
import type { WirePort } from "./port-transport.ts";

/** A port driven by the test: `deliver` plays the renderer sending, `sent` is what the engine posted back. */
function drivenPort() {
  let deliver: (data: unknown) => void = () => undefined;
  let close: () => void = () => undefined;
  const sent: unknown[] = [];
  const port: WirePort = { postMessage: (data) => void sent.push(data), onMessage: (listener) => void (deliver = listener), onClose: (listener) => void (close = listener) };
  return { port, sent, deliver: (data: unknown) => deliver(data), close: () => close() };
}

const request: WireMessage = { kind: "request", id: 3, method: "session/list", params: {} };

describe("the engine's port transport", () => {
  it("hands valid messages to its listeners, and keeps the ones that came before any listener", () => {
    const driven = drivenPort();
    const transport = createPortTransport(driven.port);
    driven.deliver(request);
    const seen: WireMessage[] = [];
    transport.onMessage((message) => seen.push(message));
    driven.deliver({ ...request, id: 4 });
    expect(seen.map((message) => (message.kind === "request" ? message.id : -1))).toEqual([3, 4]);
  });

  it("answers a malformed value itself, addressed to its id where it has one", () => {
    const driven = drivenPort();
    const transport = createPortTransport(driven.port);
    const seen: WireMessage[] = [];
    transport.onMessage((message) => seen.push(message));
    driven.deliver({ kind: "request", id: 9, method: 12, params: {} });
    driven.deliver(null);
    driven.deliver({ kind: "request", id: "9", method: "x", params: {} });
    expect(seen).toEqual([]);
    expect(driven.sent).toEqual([
      { kind: "response", id: 9, ok: false, error: { code: "invalid-input", message: "malformed message: method: Invalid input: expected string, received number" } },
      { kind: "response", id: 0, ok: false, error: { code: "invalid-input", message: "malformed message: Invalid input: expected object, received null" } },
      { kind: "response", id: 0, ok: false, error: { code: "invalid-input", message: "malformed message: id: Invalid input: expected number, received string" } },
    ]);
  });

  it("turns a listener's exception into an internal error for that message, and goes on", () => {
    const driven = drivenPort();
    const transport = createPortTransport(driven.port);
    transport.onMessage(() => {
      throw new Error("boom");
    });
    driven.deliver(request);
    expect(driven.sent).toEqual([{ kind: "response", id: 3, ok: false, error: { code: "internal", message: "the engine failed on this message: boom" } }]);
  });

  it("stops sending and forgets its listeners once the port closes", async () => {
    const driven = drivenPort();
    const transport = createPortTransport(driven.port);
    const seen: WireMessage[] = [];
    transport.onMessage((message) => seen.push(message));
    driven.close();
    await transport.closed;
    transport.send({ kind: "event", name: "log", payload: {} });
    driven.deliver(request);
    expect(driven.sent).toEqual([]);
    expect(seen).toEqual([]);
  });

  it("decodes exactly the wire messages", () => {
    expect(decodeWireMessage(request)).toEqual({ ok: true, message: request });
    expect(decodeWireMessage({ ...request, extra: 1 }).ok).toBe(false);
  });
});
