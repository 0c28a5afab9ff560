import type { z } from "zod";

/** Requires at most one of the given optional fields of an object (e.g. `image` or `dockerfile`). */
export function atMostOneOf<T extends object>(...keys: (keyof T & string)[]) {
  return (value: T, ctx: z.RefinementCtx<T>): void => {
    const present = keys.filter((key) => value[key] !== undefined);
    if (present.length <= 1) return;
    const names = keys.map((key) => `"${key}"`).join(" or ");
    ctx.addIssue({ code: "custom", message: `expected only one of ${names}, not both`, path: [present[1] as string], input: undefined });
  };
}

/** Requires the items of a list to have distinct values of one field (ids, check names). */
export function uniqueBy<T extends object>(key: keyof T & string) {
  return (items: T[], ctx: z.RefinementCtx<T[]>): void => {
    const seen = new Map<unknown, number>();
    items.forEach((item, index) => {
      const value = item[key];
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else ctx.addIssue({ code: "custom", message: `duplicate ${key} ${JSON.stringify(value)} (also item ${first})`, path: [index, key], input: undefined });
    });
  };
}
