/** Marks the end of an exhaustive `switch` over a discriminated union: adding a case breaks the build here. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
