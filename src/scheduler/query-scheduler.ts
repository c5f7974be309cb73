/**
 * The seam between a query's fragments and where their tasks run: the in-process scheduler
 * (every task in this process) or the cluster scheduler (tasks on worker nodes over the task API).
 */
import type { Session } from '../planner/session';
import type { SubPlan } from '../planner/fragmenter';
import { executeSubPlan, type QueryExecution, type SchedulerOptions } from './in-process-scheduler';

export interface QueryScheduler {
  /**
   * Tasks per hash-partitioned stage when the session does not set hash_partition_count (the
   * cluster's node count); undefined means the session property's default. May wait for nodes.
   */
  partitionCount(session: Session): Promise<number | undefined>;
  execute(plan: SubPlan, options: SchedulerOptions, session: Session): QueryExecution;
}

export const IN_PROCESS_SCHEDULER: QueryScheduler = {
  partitionCount: () => Promise.resolve(undefined),
  execute: (plan, options) => executeSubPlan(plan, options),
};
