/**
 * Running one query's plan the distributed way, in this process: connector pushdown and
 * exchanges (planner/distributed-planner.ts), fragments (planner/fragmenter.ts), then the
 * in-process scheduler (scheduler/). Every query of the local engine goes through here, so a plan
 * that runs here runs the same once its tasks move to workers.
 */
import type { ExecutionContext } from './execution/local-execution-planner';
import type { PageStream } from './execution/operators/page-stream';
import { parseDataSize } from './data-size';
import { planDistribution } from './planner/distributed-planner';
import { fragmentPlan, type SubPlan } from './planner/fragmenter';
import type { Metadata } from './planner/metadata';
import type { JoinDistributionType } from './planner/optimizer/add-exchanges';
import { metadataPushdown } from './planner/optimizer/connector-pushdown';
import type { PlanNode } from './planner/plan';
import type { Session } from './planner/session';
import type { StageStats } from './scheduler/in-process-scheduler';
import { IN_PROCESS_SCHEDULER, type QueryScheduler } from './scheduler/query-scheduler';
import { sessionValue } from './session-properties';

/** The exchange-bearing plan of a query (one tree), per the session's distribution settings. */
export function distributedPlan(
  root: PlanNode,
  session: Session,
  metadata: Metadata,
  taskCount = partitionCountOf(session),
): Promise<PlanNode> {
  const props = session.systemProperties;
  return planDistribution(root, {
    connectors: metadataPushdown(metadata, session),
    joinDistributionType: sessionValue(props, 'join_distribution_type').toUpperCase() as JoinDistributionType,
    maxBroadcastBytes: parseDataSize(sessionValue(props, 'join_max_broadcast_table_size')),
    taskCount,
  });
}

export async function fragmentedPlan(
  root: PlanNode,
  session: Session,
  metadata: Metadata,
  taskCount?: number,
): Promise<SubPlan> {
  return fragmentPlan(await distributedPlan(root, session, metadata, taskCount));
}

function partitionCountOf(session: Session): number {
  return Number(sessionValue(session.systemProperties, 'hash_partition_count'));
}

export interface ExecutionOptions {
  readonly splitsPerScan: number;
  readonly collectStats?: boolean;
  /** Aborting it stops the query's tasks wherever they run; the stream then fails with the reason. */
  readonly signal?: AbortSignal;
  /** Where the tasks run (default: in this process). */
  readonly scheduler?: QueryScheduler;
  /** Receives the fragments and, once the pages end, the per-stage statistics. */
  readonly onFinished?: (plan: SubPlan, stages: ReadonlyMap<number, StageStats>) => void;
}

/** The query's result pages; planning happens on the first pull. */
export async function* executeQuery(
  root: PlanNode,
  session: Session,
  metadata: Metadata,
  context: ExecutionContext,
  options: ExecutionOptions,
): PageStream {
  const scheduler = options.scheduler ?? IN_PROCESS_SCHEDULER;
  // an explicit hash_partition_count wins; otherwise the scheduler's (a cluster's node count)
  const partitions =
    session.systemProperties.hash_partition_count !== undefined
      ? partitionCountOf(session)
      : ((await scheduler.partitionCount(session)) ?? partitionCountOf(session));
  const plan = await fragmentedPlan(root, session, metadata, partitions);
  const execution = scheduler.execute(
    plan,
    {
      queryId: session.queryId,
      context,
      hashPartitionCount: partitions,
      splitsPerScan: options.splitsPerScan,
      ...(options.collectStats ? { collectStats: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    session,
  );
  yield* execution.pages;
  options.onFinished?.(plan, execution.stages);
}
