/**
 * Rule: a LIMIT over a table scan (possibly through projections, which keep the row count) is
 * offered to the connector (applyLimit). When the connector guarantees the limit and there is no
 * OFFSET, the engine's Limit goes; otherwise it stays and the scan just reads less.
 */
import type { PlanNode, TableScanNode } from '../plan';
import type { ConnectorPushdown } from './connector-pushdown';
import { rewriteBottomUp } from './plan-rewrite';

export function pushLimitIntoTableScan(root: PlanNode, connectors: ConnectorPushdown): Promise<PlanNode> {
  return rewriteBottomUp(root, async (node) => {
    if (node.kind !== 'Limit') return node;
    const rows = node.count + node.offset;
    if (!Number.isSafeInteger(rows)) return node;
    const rebuilt = await pushThroughProjections(node.source, async (scan) => {
      const result = await connectors.applyLimit(scan.catalog, scan.table, rows);
      return result
        ? { scan: { ...scan, table: result.handle }, guaranteed: result.limitGuaranteed }
        : undefined;
    });
    if (!rebuilt) return node;
    if (rebuilt.guaranteed && node.offset === 0) return rebuilt.node;
    return { ...node, source: rebuilt.node };
  });
}

async function pushThroughProjections(
  node: PlanNode,
  apply: (scan: TableScanNode) => Promise<{ scan: TableScanNode; guaranteed: boolean } | undefined>,
): Promise<{ node: PlanNode; guaranteed: boolean } | undefined> {
  if (node.kind === 'TableScan') {
    const r = await apply(node);
    return r && { node: r.scan, guaranteed: r.guaranteed };
  }
  if (node.kind === 'Project') {
    const r = await pushThroughProjections(node.source, apply);
    return r && { node: { ...node, source: r.node }, guaranteed: r.guaranteed };
  }
  return undefined;
}
