/**
 * Rule: a filter directly over a table scan offers the connector the conjuncts it can express as a
 * TupleDomain (applyFilter). The scan takes the connector's new table handle; conjuncts on columns
 * the connector enforces (absent from `remaining`) leave the filter, the others stay.
 */
import type { Domain } from '../../catalog/spi';
import type { RowExpression } from '../ir';
import type { PlanNode } from '../plan';
import { and, conjuncts } from '../predicates';
import { columnDomain } from '../tuple-domain';
import type { ConnectorPushdown } from './connector-pushdown';
import { rewriteBottomUp } from './plan-rewrite';

export function pushFilterIntoTableScan(root: PlanNode, connectors: ConnectorPushdown): Promise<PlanNode> {
  return rewriteBottomUp(root, async (node) => {
    if (node.kind !== 'Filter' || node.source.kind !== 'TableScan') return node;
    const scan = node.source;
    const columnOf = new Map(scan.outputs.map((s, i) => [s.name, scan.columns[i].name]));
    const terms = conjuncts(node.predicate);
    const domains = new Map<string, Domain>();
    /** The column each offered term restricts (one term per column: no range intersection here). */
    const offered = new Map<RowExpression, string>();
    for (const term of terms) {
      const d = columnDomain(term);
      const column = d && columnOf.get(d.symbol);
      if (!d || column === undefined || domains.has(column)) continue;
      domains.set(column, d.domain);
      offered.set(term, column);
    }
    if (domains.size === 0) return node;
    const result = await connectors.applyFilter(scan.catalog, scan.table, { domains });
    if (!result) return node;
    const remaining = result.remaining;
    const enforced = (column: string): boolean => remaining.none !== true && !remaining.domains.has(column);
    const kept = terms.filter((t) => {
      const column = offered.get(t);
      return column === undefined || !enforced(column);
    });
    const pushed: PlanNode = { ...scan, table: result.handle };
    if (kept.length === 0) return pushed;
    return { ...node, source: pushed, predicate: and(kept) };
  });
}
