import { describe, expect, it } from "vitest";
import { add, format, money, percent } from "../src/money";

describe("money", () => {
  it("adds amounts of one currency in cents", () => {
    expect(add(money(1.1), money(2.25))).toEqual({ cents: 335, currency: "EUR" });
  });

  it("refuses to add different currencies", () => {
    expect(() => add(money(1), money(1, "USD"))).toThrow("currency mismatch");
  });

  it("takes a percentage and formats", () => {
    expect(format(percent(money(80), 12.5))).toBe("€10.00");
    expect(format(money(3, "USD"))).toBe("$3.00");
  });
});
