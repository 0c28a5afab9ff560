import { describe, expect, it } from "vitest";
import { WireMessageSchema } from "./wire.ts";

describe("WireMessageSchema", () => {
  it("accepts each kind of wire message", () => {
    const messages = [
      { kind: "request", id: 1, method: "session/list", params: {} },
      { kind: "response", id: 1, ok: true, result: [] },
      { kind: "response", id: 1, ok: false, error: { code: "not-found", message: "no session x in the store" } },
      { kind: "event", name: "log", payload: { level: "info" } },
      { kind: "events", items: [{ name: "log", payload: { level: "info" } }, { name: "progress", payload: {} }] },
    ];
    for (const message of messages) expect(WireMessageSchema.parse(message)).toEqual(message);
  });

  it("refuses malformed messages with the field at fault", () => {
    const refused = (value: unknown) => {
      const parsed = WireMessageSchema.safeParse(value);
      expect(parsed.success).toBe(false);
      return parsed.error?.issues[0]?.path.join(".");
    };
    expect(refused("request")).toBe("");
    expect(refused({ kind: "bogus" })).toBe("kind");
    expect(refused({ kind: "request", id: 1.5, method: "session/list", params: {} })).toBe("id");
    expect(refused({ kind: "request", id: 1, params: {} })).toBe("method");
    expect(refused({ kind: "response", id: 1, ok: false, result: 1 })).toBe("error");
    expect(refused({ kind: "response", id: 1, ok: false, error: { code: "no-such-code", message: "x" } })).toBe("error.code");
    expect(refused({ kind: "event", name: "log", payload: 1, extra: true })).toBe("");
    expect(refused({ kind: "events", items: [] })).toBe("items");
    expect(refused({ kind: "events", items: [{ name: 3, payload: 1 }] })).toBe("items.0.name");
  });
});
