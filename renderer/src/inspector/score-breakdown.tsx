/** A node's score: its value, sites left, whether every gate holds, and what each part contributed. */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { Score } from "../../../shared/domain/score.ts";

/** See the module comment. */
export function ScoreBreakdown({ score, checks }: { score: Score | undefined; checks: CheckSummary[] }) {
  const gates = checks.filter((check) => check.mode === "gate");
  const parts = Object.entries(score?.parts ?? {}).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return (
    <section className="section" data-testid="score-breakdown">
      <h3>Score</h3>
      {!score && <p className="muted">Not scored yet.</p>}
      {score && (
        <>
          <dl className="kv">
            <dt>score</dt>
            <dd className="mono" data-testid="score-value">
              {score.value.toFixed(3)}
            </dd>
            <dt>sites left</dt>
            <dd className="mono">{score.sitesLeft}</dd>
            <dt>gates</dt>
            <dd className={score.gatesHeld ? "ok" : "bad"}>{score.gatesHeld ? "all hold" : "a gate failed"}</dd>
          </dl>
          {gates.length > 0 && (
            <div className="gates">
              {gates.map((gate) => (
                <span key={gate.name} className={`gate gate-${gate.status}`} title={gate.detail}>
                  {gate.name}: {gate.status}
                </span>
              ))}
            </div>
          )}
          <table className="parts">
            <tbody>
              {parts.map(([name, value]) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td className={`mono ${value < 0 ? "bad" : value > 0 ? "ok" : ""}`}>{value >= 0 ? `+${value.toFixed(3)}` : value.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
