/** How a node looks: its colour by state and score, and its badges. Shared by the canvas, the minimap and the legend. */
import { assertNever } from "../../../shared/assert-never.ts";
import type { Node } from "../../../shared/domain/node.ts";
import type { NodeState } from "../../../shared/domain/node-state.ts";

/** The colour of each state that is not coloured by score (scored nodes use {@link scoreColour}). */
export const stateColours: Record<Exclude<NodeState, "scored">, string> = {
  pending: "#7d8590",
  checking: "#4c8dff",
  invalid: "#e5534b",
  "failed-infra": "#d4862a",
  pruned: "#4a4f57",
};

/** The score ramp's stops, worst to best. */
export const scoreStops = ["#b7503f", "#c9a23a", "#46b35a"] as const;

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
const stops = scoreStops.map(rgb);

const rampSteps = 32;
/** The ramp in {@link rampSteps} steps (a handful of fill styles for the whole tree, not one per node). */
const ramp = Array.from({ length: rampSteps + 1 }, (_, step) => {
  const scaled = (step / rampSteps) * (stops.length - 1);
  const at = Math.min(stops.length - 2, Math.floor(scaled));
  const f = scaled - at;
  const [a, b] = [stops[at]!, stops[at + 1]!];
  return `rgb(${Math.round(a[0] + (b[0] - a[0]) * f)},${Math.round(a[1] + (b[1] - a[1]) * f)},${Math.round(a[2] + (b[2] - a[2]) * f)})`;
});

/** The colour of a score within the tree's range: red for the worst, amber, green for the best. */
export function scoreColour(value: number, range: { min: number; max: number } | undefined): string {
  const t = !range || range.max <= range.min ? 1 : Math.min(1, Math.max(0, (value - range.min) / (range.max - range.min)));
  return ramp[Math.round(t * rampSteps)]!;
}

/** A node's colour: by score when scored, else by state. */
export function nodeColour(node: Node, range: { min: number; max: number } | undefined): string {
  if (node.state === "scored") return node.score ? scoreColour(node.score.value, range) : scoreStops[1];
  return stateColours[node.state];
}

/** Whether a node's state means it is out of the running (drawn dimmed). */
export function isDeadEnd(state: NodeState): boolean {
  switch (state) {
    case "invalid":
    case "failed-infra":
    case "pruned":
      return true;
    case "pending":
    case "checking":
    case "scored":
      return false;
    default:
      return assertNever(state, "node state");
  }
}

/** The kinds of badge a node can carry. */
export type BadgeKind = "solution" | "best" | "pinned" | "checkpoint" | "votes" | "invalid" | "failed";

/** One badge: a glyph, its colour, and what it says (for the legend and the node's label). */
export interface Badge {
  readonly kind: BadgeKind;
  readonly glyph: string;
  readonly colour: string;
  readonly label: string;
}

/** Every badge kind's look, in the order badges are drawn. */
export const badgeLooks: Record<BadgeKind, Omit<Badge, "kind">> = {
  solution: { glyph: "★", colour: "#46b35a", label: "solution: no site left, every gate held" },
  best: { glyph: "♛", colour: "#e3b341", label: "best score so far" },
  pinned: { glyph: "⚑", colour: "#4fc1ff", label: "pinned: kept in the beam" },
  checkpoint: { glyph: "◆", colour: "#a371f7", label: "checkpoint: a committed sandbox image" },
  votes: { glyph: "×N", colour: "#c9d1d9", label: "votes: independent samples made the same change" },
  invalid: { glyph: "✕", colour: "#e5534b", label: "invalid: edits or a gate failed (hover for why)" },
  failed: { glyph: "⚠", colour: "#d4862a", label: "infrastructure failed (hover for why)" },
};

/** The badges of a node, given whether it is the tree's best and a solution. */
export function badgesOf(node: Node, marks: { best: boolean; solution: boolean }): Badge[] {
  const badges: Badge[] = [];
  const add = (kind: BadgeKind, glyph = badgeLooks[kind].glyph) => badges.push({ kind, ...badgeLooks[kind], glyph });
  if (marks.solution) add("solution");
  if (marks.best) add("best");
  if (node.pinned) add("pinned");
  if (node.checkpointImageId !== undefined) add("checkpoint");
  if (node.votes > 1) add("votes", `×${node.votes}`);
  if (node.state === "invalid") add("invalid");
  if (node.state === "failed-infra") add("failed");
  return badges;
}

/** A score as the tree shows it: three decimals. */
export function formatScore(value: number): string {
  return value.toFixed(3);
}
