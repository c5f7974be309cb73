/**
 * A stage's statistics (EXPLAIN ANALYZE, query stats), summed over its tasks — however they ran:
 * in this process or on workers, whose final task status carries the same numbers.
 */
import { addNodeStats, emptyNodeStats, type NodeStats } from './node-stats';

export interface StageStats {
  readonly fragmentId: number;
  readonly tasks: number;
  readonly splits: number;
  /** Per plan node, summed over the stage's tasks. */
  readonly nodes: ReadonlyMap<number, NodeStats>;
  /** Per plan node, the output rows of each task (skew shows here). */
  readonly taskRows: ReadonlyMap<number, readonly number[]>;
  readonly outputRows: number;
  /** Largest memory any one task of the stage held. */
  readonly peakMemoryBytes: number;
}

/** What one finished task contributes. */
export interface TaskSummary {
  readonly outputRows: number;
  readonly peakMemoryBytes: number;
  /** Per plan node statistics, when collected. */
  readonly nodes?: ReadonlyMap<number, NodeStats> | Iterable<readonly [number, NodeStats]>;
}

export function stageStats(fragmentId: number, tasks: readonly TaskSummary[], splits: number): StageStats {
  const nodes = new Map<number, NodeStats>();
  const taskRows = new Map<number, number[]>();
  let outputRows = 0;
  let peakMemoryBytes = 0;
  for (const task of tasks) {
    outputRows += task.outputRows;
    peakMemoryBytes = Math.max(peakMemoryBytes, task.peakMemoryBytes);
    for (const [id, s] of task.nodes ?? []) {
      let rows = taskRows.get(id);
      if (!rows) taskRows.set(id, (rows = []));
      rows.push(s.outputRows);
      let into = nodes.get(id);
      if (!into) nodes.set(id, (into = emptyNodeStats()));
      addNodeStats(into, s);
    }
  }
  return { fragmentId, tasks: tasks.length, splits, nodes, taskRows, outputRows, peakMemoryBytes };
}
