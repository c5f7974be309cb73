/**
 * From the optimized logical plan to the plan the scheduler runs (DESIGN.md flow steps 3–4):
 * connector pushdown (filters and limits into table handles), column pruning of what the
 * connector now enforces, the final column list offered to the connector, then exchanges (distribution choices from connector statistics).
 * The result still is one tree; fragmenter.ts cuts it into fragments.
 */
import { addExchanges, type JoinDistributionType } from './optimizer/add-exchanges';
import type { ConnectorPushdown } from './optimizer/connector-pushdown';
import { collectScanStatistics, estimateBytes } from './optimizer/plan-statistics';
import { pruneColumns } from './optimizer/prune-columns';
import { pushFilterIntoTableScan } from './optimizer/push-filter-into-table-scan';
import { pushLimitIntoTableScan } from './optimizer/push-limit-into-table-scan';
import { pushProjectionIntoTableScan } from './optimizer/push-projection-into-table-scan';
import { children, uniqueNodeIds } from './optimizer/plan-rewrite';
import type { PlanNode } from './plan';

export interface DistributionOptions {
  readonly connectors: ConnectorPushdown;
  readonly joinDistributionType: JoinDistributionType;
  readonly maxBroadcastBytes: number;
  /** Tasks per distributed stage (hash_partition_count). */
  readonly taskCount: number;
}

/** Connector pushdown only: the plan as it runs, before exchanges. */
export async function pushIntoConnectors(root: PlanNode, connectors: ConnectorPushdown): Promise<PlanNode> {
  const filtered = await pushFilterIntoTableScan(root, connectors);
  const limited = await pushLimitIntoTableScan(filtered, connectors);
  const pruned = limited === root ? root : pruneColumns(limited);
  return pushProjectionIntoTableScan(pruned, connectors);
}

export async function planDistribution(root: PlanNode, options: DistributionOptions): Promise<PlanNode> {
  const pushed = uniqueNodeIds(await pushIntoConnectors(root, options.connectors));
  // statistics only decide join distribution: plans without joins skip asking for them
  const joins = (n: PlanNode): boolean =>
    n.kind === 'Join' || n.kind === 'SemiJoin' || children(n).some(joins);
  const stats = joins(pushed) ? await collectScanStatistics(pushed, options.connectors) : new Map();
  return addExchanges(pushed, {
    joinDistributionType: options.joinDistributionType,
    maxBroadcastBytes: options.maxBroadcastBytes,
    taskCount: options.taskCount,
    estimateBytes: (node) => estimateBytes(node, stats),
  });
}
