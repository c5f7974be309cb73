/**
 * LocalExecutionPlanner: turns a plan (fragment) into a pipeline of operators in this process.
 * A node's output page has one block per output symbol, in order, so a consumer's layout maps
 * each input symbol to its position in the source's outputs.
 */
import type { CatalogManager } from '../catalog/catalog-manager';
import type { ConnectorSession, Split } from '../catalog/spi';
import { TrinoError } from '../errors';
import { referencedSymbols, type RowExpression, type Symbol } from '../planner/ir';
import type { JoinNode, PlanNode, RemoteSourceNode, TableScanNode } from '../planner/plan';
import {
  compileFilter,
  compileProjection,
  evaluateConstant,
  type EvaluationContext,
  type FunctionBinder,
} from './expression-compiler';
import { apply } from './operators/apply';
import { filterProject } from './operators/filter-project';
import { hashAggregation } from './operators/hash-aggregation';
import { hashJoin } from './operators/hash-join';
import { limit } from './operators/limit';
import type { PageStream } from './operators/page-stream';
import type { QueryMemoryContext } from './memory-context';
import { scan } from './operators/scan';
import { semiJoin } from './operators/semi-join';
import { setOperation } from './operators/set-operation';
import { sort } from './operators/sort';
import { values } from './operators/values';
import { groupId } from './operators/group-id';
import { assignUniqueId } from './operators/assign-unique-id';
import { unnest } from './operators/unnest';
import { windowOperator } from './operators/window';

export interface ExecutionContext {
  readonly catalogs: CatalogManager;
  readonly connectorSession: (catalog: string) => ConnectorSession;
  readonly evaluation: EvaluationContext;
  readonly functions?: FunctionBinder;
  /** How many splits to ask connectors for per scan. */
  readonly splitsPerScan: number;
  /** The query's memory on this node (query.max-memory-per-node). */
  readonly memory?: QueryMemoryContext;
  /**
   * A task's splits for a partitioned scan (scheduler/): undefined means the scan is not
   * distributed (a whole-plan run, or a scan inside a subquery) and enumerates its own splits.
   */
  readonly splitsFor?: (scan: TableScanNode) => readonly Split[] | undefined;
  /** The pages a RemoteSource receives from upstream tasks (scheduler/). */
  readonly remoteSource?: (node: RemoteSourceNode) => PageStream;
  /** Tells this task from the query's other tasks (below 2^20): AssignUniqueId's ids use it. */
  readonly taskTag?: number;
  /** Aborted when the task must stop (query cancelled or failed elsewhere): scans end by throwing. */
  readonly signal?: AbortSignal;
  /** Wraps each node's stream (EXPLAIN ANALYZE statistics); absent, nothing is added per page. */
  readonly observe?: (node: PlanNode, stream: PageStream) => PageStream;
}

export function layoutOf(symbols: readonly Symbol[]): Map<string, number> {
  const layout = new Map<string, number>();
  symbols.forEach((s, i) => layout.set(s.name, i));
  return layout;
}

export class LocalExecutionPlanner {
  constructor(private readonly context: ExecutionContext) {}

  plan(node: PlanNode): PageStream {
    const stream = this.planNode(node);
    return this.context.observe ? this.context.observe(node, stream) : stream;
  }

  /** `stream` reported as the output of `node`, for a node whose operator another one absorbed. */
  private observed(node: PlanNode, stream: PageStream): PageStream {
    return this.context.observe ? this.context.observe(node, stream) : stream;
  }

  private planNode(node: PlanNode): PageStream {
    const ctx = this.context;
    switch (node.kind) {
      case 'Exchange':
        // within one task an exchange moves nothing: every row already is here
        return this.plan(node.source);
      case 'RemoteSource':
        if (!ctx.remoteSource)
          throw new TrinoError('GENERIC_INTERNAL_ERROR', 'RemoteSource outside a scheduled task');
        return ctx.remoteSource(node);
      case 'Output':
        return this.project(
          this.plan(node.source),
          node.source.outputs,
          node.outputs.map((s) => ({ kind: 'symbol', name: s.name, type: s.type })),
        );
      case 'TableScan':
        return this.tableScan(node);
      case 'Values': {
        const rows = node.rows.map((row) =>
          row.map((e) => evaluateConstant(e, ctx.evaluation, ctx.functions)),
        );
        return values(rows, node.outputs.length);
      }
      case 'Filter': {
        const filter = compileFilter(
          node.predicate,
          layoutOf(node.source.outputs),
          ctx.evaluation,
          ctx.functions,
        );
        return filterProject(this.plan(node.source), filter, undefined);
      }
      case 'Project': {
        const expressions = node.assignments.map((a) => a.expression);
        // Project over Filter: one FilterAndProject that projects the selected rows in place
        if (node.source.kind === 'Filter') {
          const layout = layoutOf(node.source.outputs);
          const filter = compileFilter(node.source.predicate, layout, ctx.evaluation, ctx.functions);
          const projections = expressions.map((e) =>
            compileProjection(e, layout, ctx.evaluation, ctx.functions),
          );
          // observed as the Filter too (EXPLAIN ANALYZE): the projection keeps its row counts
          return this.observed(
            node.source,
            filterProject(this.plan(node.source.source), filter, projections),
          );
        }
        // Project over Join: the join outputs only the columns the projection reads
        if (node.source.kind === 'Join') {
          const join = node.source;
          const used = new Set<string>();
          for (const e of expressions) referencedSymbols(e, used);
          const channels = join.outputs.flatMap((s, c) => (used.has(s.name) ? [c] : []));
          if (channels.length < join.outputs.length) {
            return this.project(
              this.observed(join, this.join(join, channels)),
              channels.map((c) => join.outputs[c]),
              expressions,
            );
          }
        }
        return this.project(this.plan(node.source), node.source.outputs, expressions);
      }
      case 'Aggregation': {
        const layout = layoutOf(node.source.outputs);
        const channel = (s: Symbol): number => {
          const c = layout.get(s.name);
          if (c === undefined)
            throw new TrinoError('GENERIC_INTERNAL_ERROR', `Symbol ${s.name} missing below aggregation`);
          return c;
        };
        return hashAggregation(
          this.plan(node.source),
          node.groupingKeys.map(channel),
          node.aggregates.map((a) => ({
            function: a.function,
            // sort keys of `agg(x ORDER BY k)` ride along after the arguments
            argumentChannels: [...a.arguments, ...(a.orderBy ?? []).map((o) => o.symbol)].map(channel),
            argumentTypes: a.signature?.argumentTypes ?? a.arguments.map((s) => s.type),
            ...(a.orderBy?.length
              ? {
                  ordering: a.orderBy.map((o) => ({
                    type: o.symbol.type,
                    ascending: o.ascending,
                    nullsFirst: o.nullsFirst,
                  })),
                }
              : {}),
            resultType: a.signature?.returnType ?? a.symbol.type,
            distinct: a.distinct,
            step: node.step,
            ...(a.mask ? { maskChannel: channel(a.mask) } : {}),
          })),
          ctx.memory,
        );
      }
      case 'Sort':
      case 'TopN': {
        const layout = layoutOf(node.source.outputs);
        const keys = node.orderBy.map((o) => ({
          channel: layout.get(o.symbol.name)!,
          type: o.symbol.type,
          ascending: o.ascending,
          nullsFirst: o.nullsFirst,
        }));
        return sort(this.plan(node.source), keys, node.kind === 'TopN' ? node.count : undefined, ctx.memory);
      }
      case 'Limit':
        return limit(this.plan(node.source), node.count, node.offset);
      case 'SemiJoin': {
        const inputLayout = layoutOf(node.input.outputs);
        const sourceLayout = layoutOf(node.source.outputs);
        const buildInput = node.buildSide === 'input';
        // the filter reads the candidate pairs' page: probe side's columns first
        const combined = layoutOf(
          buildInput
            ? [...node.source.outputs, ...node.input.outputs]
            : [...node.input.outputs, ...node.source.outputs],
        );
        const filter = node.filter
          ? compileFilter(node.filter, combined, ctx.evaluation, ctx.functions)
          : undefined;
        return semiJoin(
          this.plan(node.input),
          this.plan(node.source),
          {
            inputKeys: node.criteria.map((c) => inputLayout.get(c.input.name)!),
            sourceKeys: node.criteria.map((c) => sourceLayout.get(c.source.name)!),
            inputWidth: node.input.outputs.length,
            sourceWidth: node.source.outputs.length,
            ...(filter ? { filter } : {}),
            buildInput,
          },
          ctx.memory,
        );
      }
      case 'Unnest': {
        const layout = layoutOf(node.source.outputs);
        return unnest(this.plan(node.source), {
          replicate: node.replicate.map((s) => layout.get(s.name)!),
          arguments: node.mappings.map((m) => ({
            channel: layout.get(m.input.name)!,
            kind:
              m.input.type.kind === 'map'
                ? 'map'
                : m.input.type.kind === 'array' && m.input.type.element.kind === 'row'
                  ? 'rows'
                  : 'array',
            width: m.outputs.length,
          })),
          ordinality: node.ordinality !== undefined,
          outer: node.join === 'LEFT',
        });
      }
      case 'AssignUniqueId':
        return assignUniqueId(this.plan(node.source), ctx.taskTag);
      case 'GroupId': {
        const layout = layoutOf(node.source.outputs);
        return groupId(
          this.plan(node.source),
          node.keys.map((k) => layout.get(k.name)!),
          node.sets,
        );
      }
      case 'Window': {
        const layout = layoutOf(node.source.outputs);
        return windowOperator(this.plan(node.source), {
          partitionChannels: node.partitionBy.map((s) => layout.get(s.name)!),
          order: node.orderBy.map((o) => ({
            channel: layout.get(o.symbol.name)!,
            type: o.symbol.type,
            ascending: o.ascending,
            nullsFirst: o.nullsFirst,
          })),
          functions: node.functions.map((f) => ({
            function: f.function,
            argumentChannels: f.arguments.map((a) => layout.get(a.name)!),
            argumentTypes: f.arguments.map((a) => a.type),
            resultType: f.symbol.type,
            frame: f.frame,
            ignoreNulls: f.ignoreNulls,
            ...(f.mask ? { maskChannel: layout.get(f.mask.name)! } : {}),
          })),
          width: node.source.outputs.length,
        });
      }
      case 'SetOperation':
        return setOperation(
          node.operator,
          node.distinct,
          node.inputs.map((i) => this.plan(i)),
          node.outputs.length,
        );
      case 'Apply': {
        const layout = layoutOf(node.input.outputs);
        const mode = node.mode;
        const value =
          mode.kind === 'in' || mode.kind === 'quantified'
            ? compileProjection(mode.value, layout, ctx.evaluation, ctx.functions)
            : undefined;
        // a lateral ON condition runs over input columns then the subquery's
        const filter =
          mode.kind === 'lateral' && mode.filter
            ? compileFilter(mode.filter, layoutOf(node.outputs), ctx.evaluation, ctx.functions)
            : undefined;
        return apply(this.plan(node.input), node, (plan) => this.plan(plan), layout, value, filter);
      }
      case 'Join':
        return this.join(node);
    }
  }

  /** A hash join; `outputChannels`: the channels of its (left, right) outputs to produce. */
  private join(node: JoinNode, outputChannels?: readonly number[]): PageStream {
    const ctx = this.context;
    const leftLayout = layoutOf(node.left.outputs);
    const rightLayout = layoutOf(node.right.outputs);
    const filter = node.filter
      ? compileFilter(node.filter, layoutOf(node.outputs), ctx.evaluation, ctx.functions)
      : undefined;
    return hashJoin(
      this.plan(node.left),
      this.plan(node.right),
      {
        type: node.type,
        leftKeys: node.criteria.map((c) => leftLayout.get(c.left.name)!),
        rightKeys: node.criteria.map((c) => rightLayout.get(c.right.name)!),
        leftWidth: node.left.outputs.length,
        rightWidth: node.right.outputs.length,
        ...(filter ? { filter } : {}),
        ...(outputChannels ? { outputChannels } : {}),
      },
      ctx.memory,
    );
  }

  private project(
    source: PageStream,
    inputs: readonly Symbol[],
    expressions: readonly RowExpression[],
  ): PageStream {
    const layout = layoutOf(inputs);
    const identity =
      expressions.length === inputs.length &&
      expressions.every((e, i) => e.kind === 'symbol' && e.name === inputs[i].name);
    if (identity) return source;
    const projections = expressions.map((e) =>
      compileProjection(e, layout, this.context.evaluation, this.context.functions),
    );
    return filterProject(source, undefined, projections);
  }

  private tableScan(node: TableScanNode): PageStream {
    const catalog = this.context.catalogs.getCatalog(node.catalog);
    if (!catalog) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${node.catalog}' not found`);
    const session = this.context.connectorSession(node.catalog);
    const splitsPerScan = this.context.splitsPerScan;
    const assigned = this.context.splitsFor?.(node);
    const signal = this.context.signal;
    async function* run(): PageStream {
      const splits =
        assigned ?? (await catalog!.connector.splitManager.getSplits(session, node.table, splitsPerScan));
      yield* scan(catalog!.connector, session, node.table, node.columns, splits, signal);
    }
    return run();
  }
}
