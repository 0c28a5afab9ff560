import { describe, expect, it } from "vitest";
import { createManualGenerator } from "./manual-generator.ts";
import { correctReply, migratedOrders, orderContext, orderFiles, wrongReply } from "./testing/order-fixture.ts";

describe("manual generator", () => {
  it("turns the user's edit blocks into one hypothesis, whatever K", async () => {
    const hypotheses = await createManualGenerator({ kind: "edit-blocks", text: correctReply }).generate(orderContext({ k: 4 }));
    expect(hypotheses).toHaveLength(1);
    expect(hypotheses[0]).toMatchObject({
      kind: "valid",
      sample: 0,
      changes: { "src/orders.ts": migratedOrders },
      source: { kind: "manual", editBlocks: correctReply },
      provenance: { generator: "manual", tokensIn: 0, attempts: 0 },
    });
  });

  it("reports blocks that do not apply with core/edits' message", async () => {
    const [hypothesis] = await createManualGenerator({ kind: "edit-blocks", text: wrongReply }).generate(orderContext());
    expect(hypothesis?.kind).toBe("invalid");
    if (hypothesis?.kind !== "invalid") return;
    expect(hypothesis.reason.kind).toBe("edits-did-not-apply");
    expect(hypothesis.reason.message).toMatch(/^Edits not applied/);
  });

  it("takes file changes as they are, dropping the ones that change nothing", async () => {
    const changes = { "src/orders.ts": migratedOrders, "src/db.ts": orderFiles["src/db.ts"]!, "src/logger.ts": "export const logger = console;\n" };
    const [hypothesis] = await createManualGenerator({ kind: "changes", changes }).generate(orderContext());
    expect(hypothesis).toMatchObject({
      kind: "valid",
      changes: { "src/orders.ts": migratedOrders, "src/logger.ts": "export const logger = console;\n" },
      source: { kind: "manual" },
    });
  });

  it("marks changes that change nothing as no-change", async () => {
    const [hypothesis] = await createManualGenerator({ kind: "changes", changes: { "src/db.ts": orderFiles["src/db.ts"]!, "gone.ts": null } }).generate(orderContext());
    expect(hypothesis?.kind === "invalid" && hypothesis.reason.kind).toBe("no-change");
  });
});
