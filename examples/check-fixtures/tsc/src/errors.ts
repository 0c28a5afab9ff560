// Type errors on purpose: a plain one, the same one twice, a chained (multi-line) one.
export const count: number = "three";
export const again: number = "three";

interface Shape {
  readonly kind: "circle";
  readonly radius: number;
}
export const shape: Shape = { kind: "circle", radius: "2" };

export function area(s: Shape): number {
  return Math.PI * s.radius ** 2;
}
area({ kind: "square", radius: 1 });

const wide = { kind: "circle" as const, radius: "2" };
area(wide);
