/**
 * TaskTracker: the coordinator's record of recent tasks on the cluster, from the statuses the
 * scheduler reads, for system.runtime.tasks. Bounded: the oldest tasks are forgotten first.
 */
import { isDoneState, type TaskStatus } from '../scheduler/task-protocol';
import type { TaskRow } from '../system-tables';

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

  taskRows(): TaskRow[] {
    return [...this.rows.values()];
  }
}
