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
import { MemoryExchange } from './memory-exchange';
import { stageStats, type StageStats } from './stage-stats';
export type { StageStats } from './stage-stats';
import { consumerCounts, fragmentSplits, taskDescriptor } from './stage-layout';
import { runTask, type TaskResult } from './task';
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
    let tasks = 1;
    if (f.partitioning === 'FIXED_HASH') tasks = options.hashPartitionCount;
    const scanSplits = await fragmentSplits(f, options.context, options.splitsPerScan);
    if (scanSplits) {
      splits.set(f.id, scanSplits);
      tasks = Math.max(1, Math.min(options.hashPartitionCount, scanSplits.length));
    }
    taskCounts.set(f.id, tasks);
  }
  const consumerTasks = consumerCounts(plan, (id) => taskCounts.get(id)!);
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
    const stageSplits = splits.get(f.id) ?? [];
    const exchange = exchanges.get(f.id)!;
    for (let partition = 0; partition < count; partition++) {
      const descriptor = taskDescriptor(
        options.queryId,
        f,
        partition,
        count,
        stageSplits,
        exchange.consumerCount,
      );
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
