/**
 * The in-process scheduler (DESIGN.md flow step 5, without the network): runs a fragmented plan
 * as stages of tasks in this process, connected by bounded in-memory exchanges.
 * - SINGLE stages get one task, FIXED_HASH stages `hashPartitionCount` tasks (the hash partition
 *   of a row is its consumer task's index), SOURCE stages up to `hashPartitionCount` tasks with
 *   the scan's splits dealt round-robin.
 * - Every task runs `runTask` (task.ts), the same entry point a worker uses; here its remote
 *   sources read MemoryExchanges and its sink writes one.
 * - The root stage's output is the query's page stream. When it ends (or the consumer stops
 *   reading), every exchange is aborted so no task waits forever; the first task failure fails
 *   the query with that error.
 */
import type { Split } from '../catalog/spi';
import { TrinoError } from '../errors';
import type { ExecutionContext } from '../execution/local-execution-planner';
import type { PageStream } from '../execution/operators/page-stream';
import { QueryMemoryContext } from '../execution/memory-context';
import type { PlanFragment, SubPlan } from '../planner/fragmenter';
import type { PlanNode, TableScanNode } from '../planner/plan';
import { children } from '../planner/optimizer/plan-rewrite';
import { MemoryExchange } from './memory-exchange';
import { stageStats, type StageStats } from './stage-stats';
export type { StageStats } from './stage-stats';
import { runTask, type TaskDescriptor, type TaskResult } from './task';
import { TaskMemoryContext } from './task-memory';

export interface SchedulerOptions {
  readonly queryId: string;
  /** The execution context shared by all tasks (catalogs, session, functions, query memory). */
  readonly context: ExecutionContext;
  /** Tasks of FIXED_HASH stages, and at most this many for SOURCE stages. */
  readonly hashPartitionCount: number;
  /** Splits asked of the connector per partitioned scan. */
  readonly splitsPerScan: number;
  /** Collect per-node statistics (EXPLAIN ANALYZE). */
  readonly collectStats?: boolean;
  /** Aborting it fails the query with the reason (a TrinoError) and stops every task. */
  readonly signal?: AbortSignal;
  /** Pages an exchange queue holds per consumer before producers wait. */
  readonly queuedPages?: number;
}

export interface QueryExecution {
  readonly pages: PageStream;
  /** Per-stage statistics, complete once `pages` has ended. */
  readonly stages: ReadonlyMap<number, StageStats>;
}

export function executeSubPlan(plan: SubPlan, options: SchedulerOptions): QueryExecution {
  const stages = new Map<number, StageStats>();
  return { pages: run(plan, options, stages), stages };
}

async function* run(plan: SubPlan, options: SchedulerOptions, stages: Map<number, StageStats>): PageStream {
  const fragments = new Map(plan.fragments.map((f) => [f.id, f]));
  const splits = new Map<number, Split[]>();
  const taskCounts = new Map<number, number>();
  for (const f of plan.fragments) {
    const scans = f.partitionedSources.map((id) => {
      const scan = findScan(f.root, id);
      if (!scan) throw new TrinoError('GENERIC_INTERNAL_ERROR', `Scan ${id} not found in fragment ${f.id}`);
      return scan;
    });
    if (scans.length > 1)
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `Fragment ${f.id} has several partitioned sources`);
    let tasks = 1;
    if (f.partitioning === 'FIXED_HASH') tasks = options.hashPartitionCount;
    if (scans.length === 1) {
      const scanSplits = await enumerateSplits(scans[0], options);
      splits.set(f.id, scanSplits);
      tasks = Math.max(1, Math.min(options.hashPartitionCount, scanSplits.length));
    }
    taskCounts.set(f.id, tasks);
  }
  const consumerTasks = new Map<number, number>([[plan.rootFragmentId, 1]]);
  for (const f of plan.fragments)
    for (const source of f.remoteSourceFragments) consumerTasks.set(source, taskCounts.get(f.id)!);
  const exchanges = new Map<number, MemoryExchange>();
  for (const f of plan.fragments)
    exchanges.set(
      f.id,
      new MemoryExchange(consumerTasks.get(f.id) ?? 1, taskCounts.get(f.id)!, options.queuedPages),
    );

  let failure: unknown;
  // stops every task between pages (its scans throw the reason)
  const stop = new AbortController();
  const abortAll = (): void => {
    if (!stop.signal.aborted) stop.abort(new TrinoError('GENERIC_INTERNAL_ERROR', 'Task stopped'));
    for (const e of exchanges.values()) e.abort();
  };
  const onAbort = (): void => {
    failure ??= abortReason(options.signal!);
    abortAll();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const running: Promise<void>[] = [];
  const results = new Map<number, { result: TaskResult; memory: TaskMemoryContext }[]>();
  for (const f of plan.fragments) {
    const count = taskCounts.get(f.id)!;
    const fragmentSplits = splits.get(f.id) ?? [];
    const exchange = exchanges.get(f.id)!;
    for (let partition = 0; partition < count; partition++) {
      const descriptor: TaskDescriptor = {
        taskId: `${options.queryId}.${f.id}.${partition}.0`,
        fragment: f,
        partition,
        sources: f.partitionedSources.map((planNodeId) => ({
          planNodeId,
          splits: fragmentSplits.filter((_, i) => i % count === partition),
        })),
        outputPartitionCount: exchange.consumerCount,
      };
      const memory = new TaskMemoryContext(options.context.memory ?? new QueryMemoryContext(Infinity));
      const task = runTask(descriptor, {
        context: { ...options.context, memory, signal: stop.signal },
        remoteSource: (node, consumer) => remoteInput(node.sourceFragmentIds, exchanges, fragments, consumer),
        sink: exchange.sink(),
        collectStats: options.collectStats ?? false,
      });
      const released = task.finally(() => {
        // inputs this task did not read to the end must not hold their producers back
        for (const source of f.remoteSourceFragments) exchanges.get(source)?.abandon(partition);
      });
      running.push(
        released.then(
          (result) => {
            let list = results.get(f.id);
            if (!list) results.set(f.id, (list = []));
            list.push({ result, memory });
          },
          (error: unknown) => {
            // a task stopped by the scheduler throws the stop's reason: not a failure of its own
            if (error === stop.signal.reason) return;
            failure ??= error;
            abortAll();
          },
        ),
      );
    }
  }

  try {
    yield* exchanges.get(plan.rootFragmentId)!.consume(0);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    abortAll();
    await Promise.all(running);
  }
  if (failure !== undefined) throw failure;
  for (const f of plan.fragments)
    stages.set(
      f.id,
      stageStats(
        f.id,
        (results.get(f.id) ?? []).map(({ result, memory }) => ({
          outputRows: result.outputRows,
          peakMemoryBytes: memory.peakBytes,
          ...(result.nodes ? { nodes: result.nodes.byNode } : {}),
        })),
        splits.get(f.id)?.length ?? 0,
      ),
    );
}

/** The error an aborted query fails with: the abort's reason when it is one. */
export function abortReason(signal: AbortSignal): TrinoError {
  return signal.reason instanceof TrinoError
    ? signal.reason
    : new TrinoError('USER_CANCELED', 'Query was canceled');
}

function remoteInput(
  sourceFragmentIds: readonly number[],
  exchanges: ReadonlyMap<number, MemoryExchange>,
  fragments: ReadonlyMap<number, PlanFragment>,
  consumer: number,
): PageStream {
  const streams = sourceFragmentIds.map((id) => {
    const e = exchanges.get(id);
    if (!e || !fragments.has(id))
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `No fragment ${id} feeds this remote source`);
    return e.consume(consumer);
  });
  if (streams.length === 1) return streams[0];
  return (async function* () {
    for (const s of streams) yield* s;
  })();
}

async function enumerateSplits(scan: TableScanNode, options: SchedulerOptions): Promise<Split[]> {
  const catalog = options.context.catalogs.getCatalog(scan.catalog);
  if (!catalog) throw new TrinoError('CATALOG_NOT_FOUND', `Catalog '${scan.catalog}' not found`);
  const session = options.context.connectorSession(scan.catalog);
  return catalog.connector.splitManager.getSplits(session, scan.table, options.splitsPerScan);
}

export function findScan(node: PlanNode, id: number): TableScanNode | undefined {
  if (node.kind === 'TableScan' && node.id === id) return node;
  for (const c of children(node)) {
    const found = findScan(c, id);
    if (found) return found;
  }
  return undefined;
}
