/** Who made a node and what it cost: generator, model, tokens in/out/cached, cost, latency, votes. */
import type { Node } from "../../../shared/domain/node.ts";
import { formatCount, formatDuration, formatUsd } from "../ui/format.ts";

/** See the module comment. */
export function ProvenanceView({ node }: { node: Node }) {
  const provenance = node.provenance;
  return (
    <section className="section" data-testid="provenance">
      <h3>Provenance</h3>
      {!provenance && <p className="muted">The root has no generator.</p>}
      {provenance && (
        <dl className="kv">
          <dt>generator</dt>
          <dd>{provenance.generator}</dd>
          {provenance.model && (
            <>
              <dt>model</dt>
              <dd className="mono">{provenance.model}</dd>
            </>
          )}
          <dt>tokens</dt>
          <dd className="mono">
            {formatCount(provenance.tokensIn)} in ({formatCount(provenance.tokensCached)} cached) · {formatCount(provenance.tokensOut)} out
          </dd>
          <dt>cost</dt>
          <dd className="mono">{provenance.costUsd === 0 && provenance.model ? "$0 (unknown for this model)" : formatUsd(provenance.costUsd)}</dd>
          <dt>latency</dt>
          <dd className="mono">{formatDuration(provenance.latencyMs)}</dd>
          <dt>votes</dt>
          <dd className="mono" title="Independent samples that produced this same change">
            {node.votes}
          </dd>
          {provenance.promptHash && (
            <>
              <dt>prompt</dt>
              <dd className="mono" title={provenance.promptHash}>
                {provenance.promptHash.slice(0, 12)}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
