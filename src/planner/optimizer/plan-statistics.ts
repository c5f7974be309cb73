/**
 * Coarse output estimates of plan subtrees from connector statistics (row counts and column data
 * sizes of each scanned table handle), for the join distribution choice. Unknown stays unknown:
 * a choice that needs a number falls back to the safe default.
 */
import type { TableStatistics } from '../../catalog/spi';
import type { PlanNode } from '../plan';
import type { ConnectorPushdown } from './connector-pushdown';
import { children } from './plan-rewrite';

export type ScanStatistics = ReadonlyMap<number, TableStatistics>;

export async function collectScanStatistics(
  root: PlanNode,
  connectors: ConnectorPushdown,
): Promise<ScanStatistics> {
  const stats = new Map<number, TableStatistics>();
  const visit = async (node: PlanNode): Promise<void> => {
    if (node.kind === 'TableScan') {
      const s = await connectors.statistics(node.catalog, node.table);
      if (s) stats.set(node.id, s);
    }
    for (const c of children(node)) await visit(c);
  };
  await visit(root);
  return stats;
}

const FILTER_SELECTIVITY = 0.5;

export function estimateRows(node: PlanNode, stats: ScanStatistics): number | undefined {
  const of = (n: PlanNode): number | undefined => estimateRows(n, stats);
  switch (node.kind) {
    case 'TableScan':
      return stats.get(node.id)?.rowCount;
    case 'Values':
      return node.rows.length;
    case 'Filter': {
      const n = of(node.source);
      return n === undefined ? undefined : n * FILTER_SELECTIVITY;
    }
    case 'Aggregation': {
      const n = of(node.source);
      return n === undefined ? undefined : node.groupingKeys.length === 0 ? 1 : n;
    }
    case 'Limit':
    case 'TopN': {
      const n = of(node.source);
      return n === undefined ? node.count : Math.min(n, node.count);
    }
    case 'Join': {
      const l = of(node.left);
      const r = of(node.right);
      if (l === undefined || r === undefined) return undefined;
      return node.criteria.length === 0 ? l * r : Math.max(l, r);
    }
    case 'SetOperation': {
      let total = 0;
      for (const i of node.inputs) {
        const n = of(i);
        if (n === undefined) return undefined;
        total += n;
      }
      return total;
    }
    case 'Apply':
    case 'SemiJoin':
      return of(node.input);
    case 'RemoteSource':
      return undefined;
    default:
      return of(node.source);
  }
}

/** Estimated bytes of a subtree's output: rows times the width of its columns. */
export function estimateBytes(node: PlanNode, stats: ScanStatistics): number | undefined {
  const rows = estimateRows(node, stats);
  if (rows === undefined) return undefined;
  let width = 0;
  for (const s of node.outputs) {
    const t = s.type;
    width += t.kind === 'varchar' || t.kind === 'char' ? Math.min(t.length ?? 32, 64) : 8;
  }
  return rows * Math.max(width, 1);
}

export interface NodeEstimate {
  readonly rows?: number;
  readonly bytes?: number;
}

/**
 * Estimates of every node of a plan by id (EXPLAIN's "Estimates"); taken before fragmenting, so a
 * RemoteSource, which keeps its exchange's id, shows what its source fragment sends.
 */
export function estimatesById(root: PlanNode, stats: ScanStatistics): Map<number, NodeEstimate> {
  const out = new Map<number, NodeEstimate>();
  const visit = (node: PlanNode): void => {
    const rows = estimateRows(node, stats);
    const bytes = estimateBytes(node, stats);
    out.set(node.id, { ...(rows !== undefined ? { rows } : {}), ...(bytes !== undefined ? { bytes } : {}) });
    for (const c of children(node)) visit(c);
  };
  visit(root);
  return out;
}
