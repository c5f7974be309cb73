/**
 * TaskTracker: the coordinator's record of recent tasks on the cluster, from the statuses the
 * scheduler reads, for system.runtime.tasks. Bounded: the oldest tasks are forgotten first.
 */
import { isDoneState, type TaskStatus } from '../scheduler/task-protocol';
import type { TaskRow } from '../system-tables';
import type { QueryProgress } from './managed-query';

const TASKS_KEPT = 2000;

export class TaskTracker {
  private readonly rows = new Map<string, TaskRow>();

  record(queryId: string, status: TaskStatus): void {
    const previous = this.rows.get(status.taskId);
    const now = Date.now();
    this.rows.set(status.taskId, {
      nodeId: status.nodeId,
      taskId: status.taskId,
      queryId,
      state: status.state,
      splits: status.totalSplits,
      outputRows: status.outputRows,
      outputBytes: status.outputBytes,
      created: previous?.created ?? now - status.elapsedMillis,
      end: isDoneState(status.state) ? (previous?.end ?? now) : undefined,
    });
    if (this.rows.size > TASKS_KEPT) this.rows.delete(this.rows.keys().next().value!);
  }

  /**
   * A query's progress in Trino's terms: splits of source tasks, and one "split" (driver) per
   * task of an intermediate stage; completed once the task has produced all its output.
   */
  queryProgress(queryId: string): QueryProgress | undefined {
    let total = 0;
    let running = 0;
    let completed = 0;
    const nodes = new Set<string>();
    for (const row of this.rows.values()) {
      if (row.queryId !== queryId) continue;
      const splits = Math.max(1, row.splits);
      nodes.add(row.nodeId);
      total += splits;
      if (row.state === 'RUNNING') running += splits;
      else if (row.state === 'FLUSHING' || row.state === 'FINISHED') completed += splits;
    }
    if (total === 0) return undefined;
    return { nodes: nodes.size, totalSplits: total, runningSplits: running, completedSplits: completed };
  }

  taskRows(): TaskRow[] {
    return [...this.rows.values()];
  }
}
