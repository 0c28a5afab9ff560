/** A small step chart of the fewest sites left over time (from shared/domain's sitesOverTime). */
import type { SitesPoint } from "../../../shared/domain/sites-over-time.ts";

const width = 160;
const height = 28;

/** See the module comment. */
export function SitesChart({ points, total }: { points: SitesPoint[]; total: number | undefined }) {
  const first = points[0];
  const last = points.at(-1);
  const top = Math.max(total ?? 0, first?.sitesLeft ?? 0, 1);
  let path = "";
  if (first && last) {
    const span = Math.max(1, last.at - first.at);
    const x = (at: number) => ((at - first.at) / span) * (width - 2) + 1;
    const y = (sites: number) => height - 1 - (sites / top) * (height - 2);
    path = `M${x(first.at)},${y(first.sitesLeft)}`;
    for (const point of points.slice(1)) path += ` H${x(point.at).toFixed(1)} V${y(point.sitesLeft).toFixed(1)}`;
    path += ` H${width - 1}`;
  }
  return (
    <div className="sites-chart" data-testid="sites-chart" data-points={points.length} title={last ? `${last.sitesLeft} sites left` : "No node scored yet"}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Sites left over time">
        <line x1={0} y1={height - 1} x2={width} y2={height - 1} className="chart-axis" />
        {path && <path d={path} className="chart-line" />}
      </svg>
      <span className="sites-chart-label">{last ? `${last.sitesLeft} left` : "–"}</span>
    </div>
  );
}
