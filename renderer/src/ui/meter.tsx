/** A labelled bar: how much of a limit is used (no limit: the amount alone). */

/** See the module comment. */
export function Meter({ label, used, limit, text }: { label: string; used: number; limit: number | undefined; text: string }) {
  const share = limit !== undefined && limit > 0 ? Math.min(1, used / limit) : undefined;
  const level = share === undefined ? "" : share >= 1 ? "meter-full" : share >= 0.8 ? "meter-high" : "";
  return (
    <div className={`meter ${level}`} title={share === undefined ? `${label}: ${text} (no limit)` : `${label}: ${text} (${Math.round(share * 100)}%)`}>
      <span className="meter-label">{label}</span>
      <span className="meter-bar">
        <span className="meter-fill" style={{ width: `${(share ?? 0) * 100}%` }} />
      </span>
      <span className="meter-text">{text}</span>
    </div>
  );
}
