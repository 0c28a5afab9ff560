/** The legend: what the colours, badges, rings and keys of the fork tree mean. */
import { badgeLooks, scoreStops, stateColours } from "./node-style.ts";

const keys: [string, string][] = [
  ["← →", "parent / child"],
  ["↑ ↓", "previous / next on the level"],
  ["Enter", "focus the selected node"],
  ["c", "collapse / expand its subtree"],
  ["p", "pin / unpin"],
  ["Delete", "prune (asks first)"],
  ["f", "fit the whole tree"],
  ["/", "find"],
  ["Shift+click", "compare with the selection"],
];

/** Renders the legend panel. */
export function TreeLegend() {
  return (
    <div className="fork-tree-legend" data-testid="tree-legend">
      <section>
        <h4>Score (scored nodes)</h4>
        <div className="fork-tree-ramp" style={{ background: `linear-gradient(90deg, ${scoreStops.join(", ")})` }} />
        <div className="fork-tree-ramp-labels">
          <span>worst</span>
          <span>best in this tree</span>
        </div>
      </section>
      <section>
        <h4>State</h4>
        {Object.entries(stateColours).map(([state, colour]) => (
          <div key={state} className="fork-tree-legend-row">
            <i style={{ background: colour }} />
            {state}
          </div>
        ))}
      </section>
      <section>
        <h4>Badges and rings</h4>
        {Object.entries(badgeLooks).map(([kind, look]) => (
          <div key={kind} className="fork-tree-legend-row">
            <b style={{ color: look.colour }}>{look.glyph}</b>
            {look.label}
          </div>
        ))}
        <div className="fork-tree-legend-row">
          <i className="fork-tree-ring-selected" />
          selected (its path from the root is lit)
        </div>
        <div className="fork-tree-legend-row">
          <i className="fork-tree-ring-compare" />
          compared with the selection
        </div>
        <div className="fork-tree-legend-row">
          <i className="fork-tree-ring-match" />
          matches the find box
        </div>
        <div className="fork-tree-legend-row">
          <b>+N</b>a collapsed subtree of N nodes
        </div>
      </section>
      <section>
        <h4>Keys</h4>
        {keys.map(([key, what]) => (
          <div key={key} className="fork-tree-legend-row">
            <kbd>{key}</kbd>
            {what}
          </div>
        ))}
      </section>
    </div>
  );
}
