/**
 * Rule: tells each scan's connector which columns the pruned plan reads (applyProjection), so a
 * connector that can narrow its handle to them (a remote select list) does. Runs last among the
 * connector rules: filter pushdown may have removed the need for some columns.
 */
import type { PlanNode } from '../plan';
import type { ConnectorPushdown } from './connector-pushdown';
import { rewriteBottomUp } from './plan-rewrite';

export function pushProjectionIntoTableScan(
  root: PlanNode,
  connectors: ConnectorPushdown,
): Promise<PlanNode> {
  return rewriteBottomUp(root, async (node) => {
    if (node.kind !== 'TableScan') return node;
    const result = await connectors.applyProjection(node.catalog, node.table, node.columns);
    return result ? { ...node, table: result.handle } : node;
  });
}
