/**
 * What a call costs, from a small table of list prices per model. Unknown models (local ones,
 * new ones) cost 0 and are marked unpriced, so a budget in money never silently counts them.
 */

/** USD per million tokens. `cachedInput` applies to the prompt tokens the provider served from cache. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

/** Model id (or id prefix before a date/version suffix) → price. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * OpenAI list prices in USD per 1M tokens (standard tier, checked 2025). Edit here when they
 * change; a spec may pass its own table for other providers.
 */
export const defaultPriceTable: PriceTable = {
  "gpt-4o": { input: 2.5, cachedInput: 1.25, output: 10 },
  "gpt-4o-mini": { input: 0.15, cachedInput: 0.075, output: 0.6 },
  "gpt-4.1": { input: 2, cachedInput: 0.5, output: 8 },
  "gpt-4.1-mini": { input: 0.4, cachedInput: 0.1, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, cachedInput: 0.025, output: 0.4 },
  "gpt-5": { input: 1.25, cachedInput: 0.125, output: 10 },
  "gpt-5-mini": { input: 0.25, cachedInput: 0.025, output: 2 },
  "gpt-5-nano": { input: 0.05, cachedInput: 0.005, output: 0.4 },
  o3: { input: 2, cachedInput: 0.5, output: 8 },
  "o4-mini": { input: 1.1, cachedInput: 0.275, output: 4.4 },
};

/** Token counts of one or more calls. `cached` is the part of `input` served from the provider's cache. */
export interface TokenUsage {
  input: number;
  output: number;
  cached: number;
}

/** A cost, and whether the model had a price (false: the cost is 0 because the model is unknown). */
export interface Cost {
  usd: number;
  priced: boolean;
}

/**
 * Finds the price of `model`: an exact entry, or the longest entry that `model` extends with a
 * `-suffix` (so `gpt-4o-2024-08-06` is priced as `gpt-4o`, `gpt-4o-mini-…` as `gpt-4o-mini`).
 */
export function priceOf(model: string, table: PriceTable = defaultPriceTable): ModelPrice | undefined {
  const exact = table[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (model.startsWith(`${key}-`) && (!best || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : table[best];
}

/** The cost of `usage` on `model`; unknown models cost 0 with `priced: false`. */
export function costOf(model: string, usage: TokenUsage, table: PriceTable = defaultPriceTable): Cost {
  const price = priceOf(model, table);
  if (!price) return { usd: 0, priced: false };
  const cached = Math.min(usage.cached, usage.input);
  const usd = ((usage.input - cached) * price.input + cached * price.cachedInput + usage.output * price.output) / 1_000_000;
  return { usd, priced: true };
}
