/**
 * Logical plan nodes. Plain data (JSON-serializable apart from SqlType objects, which are plain
 * too), so fragments can be shipped to workers. Each node lists its output symbols in order.
 */
import type { ColumnHandle, TableHandle } from '../catalog/spi';
import type { SqlType } from '../types';
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
  | AssignUniqueIdNode
  | UnnestNode
  | SetOperationNode
  | OutputNode
  | ExchangeNode
  | RemoteSourceNode;

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
  /** `agg(x ORDER BY k)` / `WITHIN GROUP (ORDER BY k)`: the order rows reach the function in. */
  readonly orderBy?: readonly OrderingItem[];
  /**
   * The function's own argument and result types, set on PARTIAL and FINAL steps, whose symbols
   * carry the intermediate state type instead (optimizer/add-exchanges.ts).
   */
  readonly signature?: { readonly argumentTypes: readonly SqlType[]; readonly returnType: SqlType };
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
  /** PARTIAL: the per-task TopN below a gathering exchange (absent: SINGLE). */
  readonly step?: 'SINGLE' | 'PARTIAL' | 'FINAL';
  readonly outputs: readonly Symbol[];
}

export interface LimitNode {
  readonly kind: 'Limit';
  readonly id: number;
  readonly source: PlanNode;
  readonly count: number;
  readonly offset: number;
  /** True for the per-task limit below a gathering exchange. */
  readonly partial?: boolean;
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
      }
    | {
        /**
         * LATERAL: each input row joined with the subquery's rows for it, those passing `filter`
         * (the ON condition, over input and subquery columns); LEFT keeps a row that has none,
         * padded with NULLs. The subquery's outputs are appended, not one `output` column.
         */
        readonly kind: 'lateral';
        readonly join: 'INNER' | 'LEFT';
        readonly filter?: RowExpression;
      };
  /** The appended column (for `lateral`, the subquery's first output: see appliedSymbols). */
  readonly output: Symbol;
  /** Input outputs, then the appended columns. */
  readonly outputs: readonly Symbol[];
}

/** The columns an Apply appends to its input rows. */
export function appliedSymbols(node: ApplyNode): readonly Symbol[] {
  return node.mode.kind === 'lateral' ? node.subquery.outputs : [node.output];
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

/**
 * AssignUniqueId: appends a BIGINT column holding a value no other row of the query has (the
 * key by which a decorrelated aggregation regroups the rows of each input row).
 */
export interface AssignUniqueIdNode {
  readonly kind: 'AssignUniqueId';
  readonly id: number;
  readonly source: PlanNode;
  readonly idSymbol: Symbol;
  /** Source outputs, then idSymbol. */
  readonly outputs: readonly Symbol[];
}

/**
 * Unnest: each source row repeated once per element of its unnested arrays and maps, zipped (the
 * longest decides; shorter ones give NULLs; a NULL array or map has no elements). An array of rows
 * gives one column per field, a map its key and value. `ordinality` numbers a row's elements from
 * 1. LEFT keeps a source row without elements, once, with NULLs (LEFT JOIN UNNEST … ON true).
 */
export interface UnnestNode {
  readonly kind: 'Unnest';
  readonly id: number;
  readonly source: PlanNode;
  /** Source symbols copied to every output row. */
  readonly replicate: readonly Symbol[];
  /** Per unnested source symbol (array or map), its output columns. */
  readonly mappings: readonly { readonly input: Symbol; readonly outputs: readonly Symbol[] }[];
  readonly ordinality?: Symbol;
  readonly join: 'INNER' | 'LEFT';
  /** replicate, then every mapping's outputs, then ordinality. */
  readonly outputs: readonly Symbol[];
}

export interface WindowFrameBound {
  readonly type: 'UNBOUNDED PRECEDING' | 'PRECEDING' | 'CURRENT ROW' | 'FOLLOWING' | 'UNBOUNDED FOLLOWING';
  /** ROWS: rows before or after the current one. */
  readonly offset?: number;
  /**
   * RANGE: the distance on the single sort key: in the key's representation when `exact`, else a
   * double (the key is then read as a double).
   */
  readonly range?: { readonly value: unknown; readonly exact: boolean };
}

export interface WindowFrameSpec {
  /** ROWS offsets count rows, GROUPS offsets count peer groups, RANGE offsets measure the sort key. */
  readonly type: 'ROWS' | 'RANGE' | 'GROUPS';
  readonly start: WindowFrameBound;
  readonly end: WindowFrameBound;
}

export interface WindowFunctionCall {
  readonly symbol: Symbol;
  readonly function: string;
  readonly arguments: readonly Symbol[];
  readonly frame: WindowFrameSpec;
  readonly ignoreNulls: boolean;
  /** An aggregate's FILTER (WHERE …): a boolean symbol; frame rows where it is not true are skipped. */
  readonly mask?: Symbol;
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
  /**
   * 'input': hash the input rows and stream the source past them, chosen when the input is
   * expected to be much smaller (TPC-H q21's few late lineitems against all of lineitem); the
   * input rows then come out once the source is read. Absent: hash the source.
   */
  readonly buildSide?: 'input';
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

/**
 * How rows of a plan are spread over the tasks of a stage (Trino's PartitioningHandle):
 * SINGLE one task; SOURCE tasks driven by splits of a table scan; FIXED_HASH N tasks, rows placed
 * by a hash of `columns`; FIXED_BROADCAST every task sees every row; FIXED_ARBITRARY N tasks, any
 * placement.
 */
export type PartitioningHandle = 'SINGLE' | 'SOURCE' | 'FIXED_HASH' | 'FIXED_BROADCAST' | 'FIXED_ARBITRARY';

export interface PartitioningScheme {
  readonly handle: PartitioningHandle;
  /** Hash columns (FIXED_HASH). */
  readonly columns: readonly Symbol[];
}

/**
 * Exchange (added by optimizer/add-exchanges.ts): moves rows between tasks. REMOTE exchanges cut
 * the plan into fragments (planner/fragmenter.ts); GATHER sends every row to one task,
 * REPARTITION by a hash of `partitioning.columns`, REPLICATE to every task (broadcast).
 */
export interface ExchangeNode {
  readonly kind: 'Exchange';
  readonly id: number;
  readonly scope: 'REMOTE' | 'LOCAL';
  readonly type: 'GATHER' | 'REPARTITION' | 'REPLICATE';
  readonly partitioning: PartitioningScheme;
  readonly source: PlanNode;
  readonly outputs: readonly Symbol[];
}

/** A fragment's input from the output buffers of the tasks of other fragments. */
export interface RemoteSourceNode {
  readonly kind: 'RemoteSource';
  readonly id: number;
  readonly sourceFragmentIds: readonly number[];
  readonly exchangeType: 'GATHER' | 'REPARTITION' | 'REPLICATE';
  readonly outputs: readonly Symbol[];
}

export function sources(node: PlanNode): PlanNode[] {
  switch (node.kind) {
    case 'TableScan':
    case 'Values':
    case 'RemoteSource':
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
