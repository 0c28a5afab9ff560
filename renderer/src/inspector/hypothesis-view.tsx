/** What produced a node: the root, a recipe rule and fix, an LLM's SEARCH/REPLACE blocks (and the user's hint), or a manual edit. */
import { assertNever } from "../../../shared/assert-never.ts";
import type { Hypothesis } from "../../../shared/domain/hypothesis.ts";

/** See the module comment. */
export function HypothesisView({ hypothesis }: { hypothesis: Hypothesis }) {
  return (
    <section className="section" data-testid="hypothesis" data-kind={hypothesis.kind}>
      <h3>Hypothesis</h3>
      <HypothesisBody hypothesis={hypothesis} />
    </section>
  );
}

function HypothesisBody({ hypothesis }: { hypothesis: Hypothesis }) {
  switch (hypothesis.kind) {
    case "root":
      return <p className="muted">The root: the repository at its commit, with the setup done. Every hypothesis forks from here.</p>;
    case "recipe":
      return (
        <dl className="kv">
          <dt>rule</dt>
          <dd className="mono">{hypothesis.ruleId}</dd>
          <dt>fix</dt>
          <dd className="mono">{hypothesis.fixId}</dd>
        </dl>
      );
    case "llm":
      return (
        <>
          {hypothesis.hint && (
            <p>
              <span className="muted">hint:</span> {hypothesis.hint}
            </p>
          )}
          <pre className="code">{hypothesis.editBlocks}</pre>
        </>
      );
    case "manual":
      return hypothesis.editBlocks ? <pre className="code">{hypothesis.editBlocks}</pre> : <p className="muted">Files edited by hand: the diff is the edit.</p>;
    default:
      return assertNever(hypothesis, "hypothesis");
  }
}
