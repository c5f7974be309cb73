/**
 * Logical plan nodes. Plain data (JSON-serializable apart from SqlType objects, which are plain
 * too), so fragments can be shipped to workers. Each node lists its output symbols in order.
 */
import type { ColumnHandle, TableHandle } from '../catalog/spi';
import type { RowExpression, Symbol } from './ir';

export type PlanNode =
  | TableScanNode
  | ValuesNode
  | FilterNode
  | ProjectNode
  | AggregationNode
  | SortNode
  | TopNNode
  | LimitNode
  | JoinNode
  | OutputNode;

export interface TableScanNode {
  readonly kind: 'TableScan';
  readonly id: number;
  readonly catalog: string;
  readonly table: TableHandle;
  /** Output symbol i reads column handle i. */
  readonly columns: readonly ColumnHandle[];
  readonly outputs: readonly Symbol[];
}

export interface ValuesNode {
  readonly kind: 'Values';
  readonly id: number;
  readonly rows: readonly (readonly RowExpression[])[];
  readonly outputs: readonly Symbol[];
}

export interface FilterNode {
  readonly kind: 'Filter';
  readonly id: number;
  readonly source: PlanNode;
  readonly predicate: RowExpression;
  readonly outputs: readonly Symbol[];
}

export interface Assignment {
  readonly symbol: Symbol;
  readonly expression: RowExpression;
}

export interface ProjectNode {
  readonly kind: 'Project';
  readonly id: number;
  readonly source: PlanNode;
  readonly assignments: readonly Assignment[];
  readonly outputs: readonly Symbol[];
}

export interface AggregateCall {
  readonly symbol: Symbol;
  /** Registry name (count, sum, avg, min, max, …). */
  readonly function: string;
  /** Input symbols (already projected). */
  readonly arguments: readonly Symbol[];
  readonly distinct: boolean;
  /** A boolean symbol: rows where it is not true are skipped (FILTER (WHERE …)). */
  readonly mask?: Symbol;
}

export interface AggregationNode {
  readonly kind: 'Aggregation';
  readonly id: number;
  readonly source: PlanNode;
  readonly groupingKeys: readonly Symbol[];
  readonly aggregates: readonly AggregateCall[];
  /** SINGLE now; PARTIAL/FINAL once the plan is split across an exchange. */
  readonly step: 'SINGLE' | 'PARTIAL' | 'FINAL';
  /** Grouping keys first, then aggregates. */
  readonly outputs: readonly Symbol[];
}

export interface OrderingItem {
  readonly symbol: Symbol;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

export interface SortNode {
  readonly kind: 'Sort';
  readonly id: number;
  readonly source: PlanNode;
  readonly orderBy: readonly OrderingItem[];
  readonly outputs: readonly Symbol[];
}

export interface TopNNode {
  readonly kind: 'TopN';
  readonly id: number;
  readonly source: PlanNode;
  readonly orderBy: readonly OrderingItem[];
  readonly count: number;
  readonly outputs: readonly Symbol[];
}

export interface LimitNode {
  readonly kind: 'Limit';
  readonly id: number;
  readonly source: PlanNode;
  readonly count: number;
  readonly offset: number;
  readonly outputs: readonly Symbol[];
}

export interface JoinNode {
  readonly kind: 'Join';
  readonly id: number;
  readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';
  readonly left: PlanNode;
  readonly right: PlanNode;
  /** Equi-join pairs (left symbol = right symbol), used as hash keys. */
  readonly criteria: readonly { readonly left: Symbol; readonly right: Symbol }[];
  /** Any other join condition, over left and right symbols. */
  readonly filter?: RowExpression;
  /** Left outputs then right outputs. */
  readonly outputs: readonly Symbol[];
}

export interface OutputNode {
  readonly kind: 'Output';
  readonly id: number;
  readonly source: PlanNode;
  readonly columnNames: readonly string[];
  readonly outputs: readonly Symbol[];
}

export function sources(node: PlanNode): PlanNode[] {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
      return [];
    case 'Join':
      return [node.left, node.right];
    default:
      return [node.source];
  }
}
