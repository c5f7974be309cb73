/**
 * AddExchanges (Trino's rule of the same name, narrowed): makes the plan distributed in shape.
 * Walking up from the scans it tracks where each subtree's rows live — one task (SINGLE), spread
 * over the tasks reading splits or an arbitrary set of tasks, or hash-partitioned on some symbols —
 * and inserts REMOTE exchanges where a node needs another placement:
 * - aggregations split into PARTIAL (below the exchange) and FINAL steps when every aggregate has
 *   an intermediate state, repartitioned on the grouping keys (gathered when global);
 * - joins and semi joins broadcast (REPLICATE) a build side small by statistics, else repartition
 *   both sides on the join keys (join_distribution_type AUTOMATIC / BROADCAST / PARTITIONED);
 * - TopN and LIMIT run a partial copy in every task below the gathering exchange;
 * - windows repartition on their PARTITION BY; sorts, set operations and the output gather.
 * A correlated Apply's subquery stays whole (each task evaluates it locally, per binding); an
 * uncorrelated one is planned like a broadcast build side.
 */
import type { Symbol } from '../ir';
import { aggregateIntermediateType } from '../aggregate-intermediate';
import type { AggregateCall, AggregationNode, ExchangeNode, PlanNode } from '../plan';
import { maxNodeId } from './plan-rewrite';

export type JoinDistributionType = 'AUTOMATIC' | 'BROADCAST' | 'PARTITIONED';

export interface ExchangeOptions {
  readonly joinDistributionType: JoinDistributionType;
  /** Largest estimated build side broadcast under AUTOMATIC (join_max_broadcast_table_size). */
  readonly maxBroadcastBytes: number;
  /** Tasks a broadcast build side is copied to (hash_partition_count). */
  readonly taskCount: number;
  /** Estimated output bytes of a subtree; undefined when statistics are missing. */
  readonly estimateBytes: (node: PlanNode) => number | undefined;
}

/**
 * Where a subtree's rows are: one task, or distributed — hash-partitioned on each of `hashes`
 * when known (an inner join's output is partitioned on its left keys and equally on its right).
 */
interface Placement {
  readonly single: boolean;
  readonly hashes?: readonly (readonly string[])[];
}

/** True when rows with equal `keys` are known to be in one task. */
function partitionedWithin(p: Placement, keys: ReadonlySet<string>): boolean {
  return !p.single && keys.size > 0 && (p.hashes ?? []).some((h) => h.every((k) => keys.has(k)));
}

interface Result {
  readonly node: PlanNode;
  readonly placement: Placement;
}

const SINGLE: Placement = { single: true };
const ARBITRARY: Placement = { single: false };

export function addExchanges(root: PlanNode, options: ExchangeOptions): PlanNode {
  const adder = new ExchangeAdder(options, maxNodeId(root) + 1);
  return adder.gather(adder.visit(root)).node;
}

class ExchangeAdder {
  constructor(
    private readonly options: ExchangeOptions,
    private nextId: number,
  ) {}

  private id(): number {
    return this.nextId++;
  }

  private exchange(
    source: PlanNode,
    type: ExchangeNode['type'],
    handle: ExchangeNode['partitioning']['handle'],
    columns: readonly Symbol[] = [],
  ): PlanNode {
    return {
      kind: 'Exchange',
      id: this.id(),
      scope: 'REMOTE',
      type,
      partitioning: { handle, columns },
      source,
      outputs: source.outputs,
    };
  }

  gather(r: Result): Result {
    if (r.placement.single) return r;
    return { node: this.exchange(r.node, 'GATHER', 'SINGLE'), placement: SINGLE };
  }

  private repartition(r: Result, keys: readonly Symbol[]): Result {
    const names = keys.map((k) => k.name);
    const same = (h: readonly string[]): boolean =>
      h.length === names.length && h.every((k, i) => k === names[i]);
    if (!r.placement.single && (r.placement.hashes ?? []).some(same)) return r;
    return {
      node: this.exchange(r.node, 'REPARTITION', 'FIXED_HASH', keys),
      placement: { single: false, hashes: [names] },
    };
  }

  /** The build side for a probe side placed as `probe`: replicated to its tasks, or gathered. */
  private replicateTo(probe: Placement, r: Result): Result {
    if (probe.single) return this.gather(r);
    return { node: this.exchange(r.node, 'REPLICATE', 'FIXED_BROADCAST'), placement: ARBITRARY };
  }

  visit(node: PlanNode): Result {
    switch (node.kind) {
      case 'TableScan':
        return { node, placement: ARBITRARY };
      case 'Values':
      case 'RemoteSource':
        return { node, placement: SINGLE };
      case 'Exchange':
        return { node, placement: node.partitioning.handle === 'SINGLE' ? SINGLE : ARBITRARY };
      case 'Output': {
        const source = this.gather(this.visit(node.source));
        return { node: { ...node, source: source.node }, placement: SINGLE };
      }
      case 'Filter':
      case 'AssignUniqueId':
      case 'Unnest':
      case 'GroupId': {
        const source = this.visit(node.source);
        return { node: { ...node, source: source.node }, placement: source.placement };
      }
      case 'Project': {
        const source = this.visit(node.source);
        const identity = new Set(
          node.assignments
            .filter((a) => a.expression.kind === 'symbol' && a.expression.name === a.symbol.name)
            .map((a) => a.symbol.name),
        );
        const placement: Placement = source.placement.single
          ? SINGLE
          : {
              single: false,
              hashes: (source.placement.hashes ?? []).filter((h) => h.every((k) => identity.has(k))),
            };
        return { node: { ...node, source: source.node }, placement };
      }
      case 'Apply': {
        const input = this.visit(node.input);
        if (node.correlation.length > 0)
          return { node: { ...node, input: input.node }, placement: input.placement };
        // uncorrelated: the subquery runs once, distributed like any plan, and reaches each task
        // of the input as a build side does
        const subquery = this.replicateTo(input.placement, this.visit(node.subquery));
        return { node: { ...node, input: input.node, subquery: subquery.node }, placement: input.placement };
      }
      case 'Aggregation':
        return this.aggregation(node);
      case 'Sort': {
        const source = this.gather(this.visit(node.source));
        return { node: { ...node, source: source.node }, placement: SINGLE };
      }
      case 'TopN': {
        const source = this.visit(node.source);
        if (source.placement.single) return { node: { ...node, source: source.node }, placement: SINGLE };
        const partial: PlanNode = { ...node, id: this.id(), source: source.node, step: 'PARTIAL' };
        const gathered = this.gather({ node: partial, placement: source.placement });
        return { node: { ...node, source: gathered.node, step: 'FINAL' }, placement: SINGLE };
      }
      case 'Limit': {
        const source = this.visit(node.source);
        if (source.placement.single) return { node: { ...node, source: source.node }, placement: SINGLE };
        const partial: PlanNode = {
          ...node,
          id: this.id(),
          source: source.node,
          count: node.count + node.offset,
          offset: 0,
          partial: true,
        };
        const gathered = this.gather({ node: partial, placement: source.placement });
        return { node: { ...node, source: gathered.node }, placement: SINGLE };
      }
      case 'Window': {
        const source = this.visit(node.source);
        if (source.placement.single || node.partitionBy.length === 0) {
          const gathered = this.gather(source);
          return { node: { ...node, source: gathered.node }, placement: SINGLE };
        }
        const names = new Set(node.partitionBy.map((p) => p.name));
        const placed = partitionedWithin(source.placement, names)
          ? source
          : this.repartition(source, node.partitionBy);
        return { node: { ...node, source: placed.node }, placement: placed.placement };
      }
      case 'SetOperation': {
        const inputs = node.inputs.map((i) => this.gather(this.visit(i)).node);
        return { node: { ...node, inputs }, placement: SINGLE };
      }
      case 'Join':
        return this.join(node);
      case 'SemiJoin':
        return this.semiJoin(node);
    }
  }

  private aggregation(node: AggregationNode): Result {
    const source = this.visit(node.source);
    if (source.placement.single) return { node: { ...node, source: source.node }, placement: SINGLE };
    const keys = node.groupingKeys;
    if (partitionedWithin(source.placement, new Set(keys.map((k) => k.name))))
      return { node: { ...node, source: source.node }, placement: source.placement };
    const split = node.step === 'SINGLE' ? splitAggregation(node, this.id()) : undefined;
    if (!split) {
      const placed = keys.length === 0 ? this.gather(source) : this.repartition(source, keys);
      return { node: { ...node, source: placed.node }, placement: placed.placement };
    }
    const partial = { node: { ...split.partial, source: source.node }, placement: source.placement };
    const placed = keys.length === 0 ? this.gather(partial) : this.repartition(partial, keys);
    return { node: { ...split.final, source: placed.node }, placement: placed.placement };
  }

  private join(node: Extract<PlanNode, { kind: 'Join' }>): Result {
    const left = this.visit(node.left);
    const right = this.visit(node.right);
    if (left.placement.single && right.placement.single)
      return { node: { ...node, left: left.node, right: right.node }, placement: SINGLE };
    if (node.criteria.length === 0) {
      if (node.type !== 'INNER') {
        const l = this.gather(left);
        const r = this.gather(right);
        return { node: { ...node, left: l.node, right: r.node }, placement: SINGLE };
      }
      const r = this.replicateTo(left.placement, right);
      return { node: { ...node, left: left.node, right: r.node }, placement: left.placement };
    }
    const canBroadcast = node.type === 'INNER' || node.type === 'LEFT';
    if (left.placement.single || (canBroadcast && this.broadcast(node.left, node.right))) {
      const r = this.replicateTo(left.placement, right);
      return { node: { ...node, left: left.node, right: r.node }, placement: left.placement };
    }
    const leftKeys = node.criteria.map((c) => c.left);
    const rightKeys = node.criteria.map((c) => c.right);
    const l = this.repartition(left, leftKeys);
    const r = this.repartition(right, rightKeys);
    // NULL-extended rows of an outer side break the hash property of the other side's keys
    const leftHash = leftKeys.map((k) => k.name);
    const rightHash = rightKeys.map((k) => k.name);
    const placement: Placement = {
      single: false,
      hashes:
        node.type === 'FULL'
          ? []
          : node.type === 'RIGHT'
            ? [rightHash]
            : node.type === 'LEFT'
              ? [leftHash]
              : [leftHash, rightHash],
    };
    return { node: { ...node, left: l.node, right: r.node }, placement };
  }

  private semiJoin(node: Extract<PlanNode, { kind: 'SemiJoin' }>): Result {
    const input = this.visit(node.input);
    const source = this.visit(node.source);
    if (input.placement.single && source.placement.single)
      return { node: { ...node, input: input.node, source: source.node }, placement: SINGLE };
    if (input.placement.single || node.criteria.length === 0 || this.broadcast(node.input, node.source)) {
      const s = this.replicateTo(input.placement, source);
      return { node: { ...node, input: input.node, source: s.node }, placement: input.placement };
    }
    const i = this.repartition(
      input,
      node.criteria.map((c) => c.input),
    );
    const s = this.repartition(
      source,
      node.criteria.map((c) => c.source),
    );
    return { node: { ...node, input: i.node, source: s.node }, placement: i.placement };
  }

  /**
   * AUTOMATIC, as Trino's cost-based choice: broadcast a build side within the size limit when
   * copying it to every task moves no more data than repartitioning both sides would.
   */
  private broadcast(probe: PlanNode, build: PlanNode): boolean {
    switch (this.options.joinDistributionType) {
      case 'BROADCAST':
        return true;
      case 'PARTITIONED':
        return false;
      case 'AUTOMATIC': {
        const bytes = this.options.estimateBytes(build);
        if (bytes === undefined || bytes > this.options.maxBroadcastBytes) return false;
        const probeBytes = this.options.estimateBytes(probe);
        return probeBytes === undefined || bytes * this.options.taskCount <= probeBytes + bytes;
      }
    }
  }
}

/** Fields an aggregate call may have and still split (ORDER BY inside a call, for one, may not). */
const SPLITTABLE_FIELDS = new Set(['symbol', 'function', 'arguments', 'distinct', 'mask']);

/**
 * The PARTIAL and FINAL halves of a SINGLE aggregation, or undefined when some aggregate has no
 * intermediate state (or is DISTINCT / ordered, which need every row of a group in one place).
 */
export function splitAggregation(
  node: AggregationNode,
  partialId: number,
): { partial: AggregationNode; final: AggregationNode } | undefined {
  const partialCalls: AggregateCall[] = [];
  const finalCalls: AggregateCall[] = [];
  for (const a of node.aggregates) {
    if (a.distinct || Object.keys(a).some((k) => !SPLITTABLE_FIELDS.has(k))) return undefined;
    const argumentTypes = a.arguments.map((s) => s.type);
    const intermediate = aggregateIntermediateType(a.function, argumentTypes, a.symbol.type);
    if (!intermediate) return undefined;
    const signature = { argumentTypes, returnType: a.symbol.type };
    const state: Symbol = { name: `${a.symbol.name}$partial`, type: intermediate };
    partialCalls.push({ ...a, symbol: state, signature });
    finalCalls.push({
      symbol: a.symbol,
      function: a.function,
      arguments: [state],
      distinct: false,
      signature,
    });
  }
  const partial: AggregationNode = {
    ...node,
    id: partialId,
    step: 'PARTIAL',
    aggregates: partialCalls,
    outputs: [...node.groupingKeys, ...partialCalls.map((c) => c.symbol)],
  };
  const final: AggregationNode = { ...node, step: 'FINAL', aggregates: finalCalls };
  return { partial, final };
}
