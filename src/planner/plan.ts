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
  | ApplyNode
  | SemiJoinNode
  | WindowNode
  | GroupIdNode
  | SetOperationNode
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

/**
 * Apply: evaluates a subquery for each distinct combination of the correlation symbols' values
 * of its input rows (once, when uncorrelated) and appends one column: the scalar value, the
 * EXISTS flag, or the IN / quantified comparison result with SQL NULL semantics. Correlated
 * symbols appear free in `subquery` and are bound to each row's values.
 */
export interface ApplyNode {
  readonly kind: 'Apply';
  readonly id: number;
  readonly input: PlanNode;
  readonly subquery: PlanNode;
  /** Input symbols the subquery reads. */
  readonly correlation: readonly Symbol[];
  readonly mode:
    | { readonly kind: 'scalar' }
    | { readonly kind: 'exists' }
    | { readonly kind: 'in'; readonly value: RowExpression }
    | {
        readonly kind: 'quantified';
        readonly value: RowExpression;
        readonly op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
        readonly quantifier: 'ALL' | 'ANY';
      };
  readonly output: Symbol;
  /** Input outputs, then `output`. */
  readonly outputs: readonly Symbol[];
}

/**
 * GroupId: repeats each input row once per grouping set; `groupKeys[i]` is `keys[i]` when key i is
 * in that set and NULL otherwise, and `groupId` is the set's index (GROUPING SETS, ROLLUP, CUBE).
 */
export interface GroupIdNode {
  readonly kind: 'GroupId';
  readonly id: number;
  readonly source: PlanNode;
  readonly keys: readonly Symbol[];
  readonly groupKeys: readonly Symbol[];
  readonly sets: readonly (readonly number[])[];
  readonly groupId: Symbol;
  /** Source outputs, then groupKeys, then groupId. */
  readonly outputs: readonly Symbol[];
}

export interface WindowFrameBound {
  readonly type: 'UNBOUNDED PRECEDING' | 'PRECEDING' | 'CURRENT ROW' | 'FOLLOWING' | 'UNBOUNDED FOLLOWING';
  readonly offset?: number;
}

export interface WindowFrameSpec {
  readonly type: 'ROWS' | 'RANGE';
  readonly start: WindowFrameBound;
  readonly end: WindowFrameBound;
}

export interface WindowFunctionCall {
  readonly symbol: Symbol;
  readonly function: string;
  readonly arguments: readonly Symbol[];
  readonly frame: WindowFrameSpec;
  readonly ignoreNulls: boolean;
}

/**
 * Window: computes window functions over partitions of its input ordered by `orderBy`; appends
 * one column per function. Rows come out grouped by partition, in window order.
 */
export interface WindowNode {
  readonly kind: 'Window';
  readonly id: number;
  readonly source: PlanNode;
  readonly partitionBy: readonly Symbol[];
  readonly orderBy: readonly OrderingItem[];
  readonly functions: readonly WindowFunctionCall[];
  readonly outputs: readonly Symbol[];
}

/**
 * SemiJoin: a decorrelated EXISTS. Appends a boolean column that is true when some `source` row
 * matches the input row on the key pairs (NULL keys never match) and satisfies `filter` (over the
 * input's and source's symbols).
 */
export interface SemiJoinNode {
  readonly kind: 'SemiJoin';
  readonly id: number;
  readonly input: PlanNode;
  readonly source: PlanNode;
  readonly criteria: readonly { readonly input: Symbol; readonly source: Symbol }[];
  readonly filter?: RowExpression;
  readonly output: Symbol;
  /** Input outputs, then `output`. */
  readonly outputs: readonly Symbol[];
}

/**
 * UNION / INTERSECT / EXCEPT over inputs whose outputs line up by position (already coerced to
 * the result types). Rows compare as in GROUP BY: NULLs are equal to each other.
 */
export interface SetOperationNode {
  readonly kind: 'SetOperation';
  readonly id: number;
  readonly operator: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly distinct: boolean;
  readonly inputs: readonly PlanNode[];
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
    case 'Apply':
      return [node.input];
    case 'SemiJoin':
      return [node.input, node.source];
    case 'SetOperation':
      return [...node.inputs];
    default:
      return [node.source];
  }
}
