/**
 * One task: a fragment's plan run over this task's share of the input, its pages sent to an output
 * sink partitioned as the fragment's output says. This is the unit the cluster moves to workers
 * (`POST /v1/task/{taskId}` carries a TaskDescriptor, which is plain JSON); the in-process
 * scheduler runs the same function with in-memory exchanges. What a runner supplies:
 * - the ExecutionContext (catalogs, session, functions, memory) of the process running the task;
 * - `remoteSource(node)`: the pages of this task's partition of an upstream fragment's output
 *   (an in-memory exchange here, an exchange client pulling over HTTP on a worker);
 * - a TaskSink taking the output pages: partition i of a FIXED_HASH output goes to the i-th task
 *   of the consuming stage, 'all' means every consumer (FIXED_BROADCAST), SINGLE uses 0.
 */
import type { Split } from '../catalog/spi';
import { partitionPage } from '../exchange/partition-function';
import { LocalExecutionPlanner, type ExecutionContext } from '../execution/local-execution-planner';
import type { PageStream } from '../execution/operators/page-stream';
import type { Page } from '../execution/page';
import type { PlanFragment } from '../planner/fragmenter';
import type { PlanNode, RemoteSourceNode } from '../planner/plan';
import { NodeStatsCollector } from './node-stats';
import { TrinoError } from '../errors';

export interface TaskDescriptor {
  /** `queryId.stageId.partition.attempt`, as in Trino's task ids. */
  readonly taskId: string;
  readonly fragment: PlanFragment;
  /** This task's index among its stage's tasks (its hash partition in FIXED_HASH stages). */
  readonly partition: number;
  /** Splits of the fragment's partitioned sources for this task, by scan node id. */
  readonly sources: readonly { readonly planNodeId: number; readonly splits: readonly Split[] }[];
  /** Tasks of the consuming stage: the number of output partitions of a FIXED_HASH output. */
  readonly outputPartitionCount: number;
}

export interface TaskSink {
  /** Resolves when the page is accepted (waits while the consumer's buffer is full). */
  enqueue(partition: number | 'all', page: Page): Promise<void>;
  /** True once no consumer wants more pages (LIMIT satisfied, query ended): the task stops. */
  readonly done: boolean;
  /** The task has produced all its pages (called once, also after an early stop). */
  finish(): void;
}

export interface TaskEnvironment {
  readonly context: ExecutionContext;
  readonly remoteSource: (node: RemoteSourceNode, partition: number) => PageStream;
  readonly sink: TaskSink;
  /** Collects per-node statistics (EXPLAIN ANALYZE); costs one wrapper per node and page. */
  readonly collectStats?: boolean;
}

export interface TaskResult {
  readonly taskId: string;
  readonly outputRows: number;
  readonly outputPages: number;
  /** Per plan node statistics, when collected. */
  readonly nodes?: NodeStatsCollector;
}

export async function runTask(task: TaskDescriptor, env: TaskEnvironment): Promise<TaskResult> {
  const splits = new Map(task.sources.map((s) => [s.planNodeId, s.splits]));
  const stats = env.collectStats ? new NodeStatsCollector() : undefined;
  if (task.fragment.id >= 1024 || task.partition >= 1024)
    throw new TrinoError('GENERIC_INTERNAL_ERROR', `Too many stages or tasks for task ${task.taskId}`);
  const context: ExecutionContext = {
    ...env.context,
    taskTag: task.fragment.id * 1024 + task.partition,
    splitsFor: (scan) =>
      splits.get(scan.id) ?? (task.fragment.partitionedSources.includes(scan.id) ? [] : undefined),
    remoteSource: (node) => env.remoteSource(node, task.partition),
    ...(stats ? { observe: (node: PlanNode, stream: PageStream) => stats.observe(node, stream) } : {}),
  };
  const fragment = task.fragment;
  const output = fragment.outputPartitioning;
  const layout = fragment.outputLayout;
  const types = layout.map((s) => s.type);
  const channels = output.columns.map((c) => layout.findIndex((s) => s.name === c.name));
  const partitions = task.outputPartitionCount;
  let outputRows = 0;
  let outputPages = 0;
  try {
    const stream = new LocalExecutionPlanner(context).plan(fragment.root);
    for await (const page of stream) {
      if (page.positionCount === 0) continue;
      outputRows += page.positionCount;
      outputPages++;
      if (output.handle === 'FIXED_BROADCAST') await env.sink.enqueue('all', page);
      else if (output.handle === 'SINGLE' || partitions === 1) await env.sink.enqueue(0, page);
      else {
        const parts = partitionPage(page, types, channels, partitions);
        for (let p = 0; p < parts.length; p++) {
          const part = parts[p];
          if (part) await env.sink.enqueue(p, part);
        }
      }
      if (env.sink.done) break;
    }
  } finally {
    env.sink.finish();
  }
  return { taskId: task.taskId, outputRows, outputPages, ...(stats ? { nodes: stats } : {}) };
}
