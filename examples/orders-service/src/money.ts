import { round, sumBy } from "lodash";
import { logger } from "./logger";

/** An amount in a currency, in minor units (cents). */
export interface Money {
  readonly cents: number;
  readonly currency: "EUR" | "USD";
}

export function money(amount: number, currency: Money["currency"] = "EUR"): Money {
  return { cents: Math.round(amount * 100), currency };
}

export function add(...amounts: Money[]): Money {
  const currencies = new Set(amounts.map((amount) => amount.currency));
  if (currencies.size > 1) {
    console.error("cannot add amounts in different currencies", [...currencies]);
    throw new Error("currency mismatch");
  }
  return { cents: sumBy(amounts, "cents"), currency: amounts[0]?.currency ?? "EUR" };
}

export function percent(amount: Money, rate: number): Money {
  return { cents: round((amount.cents * rate) / 100), currency: amount.currency };
}

export function format(amount: Money): string {
  const symbol = amount.currency === "EUR" ? "€" : "$";
  return `${symbol}${(amount.cents / 100).toFixed(2)}`;
}
