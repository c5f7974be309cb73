/**
 * TaskManager: the tasks of this node, each with its output buffer. SqlTasks are created from the
 * coordinator's requests (task-routes.ts); other runners may register a task with its buffer.
 * Ended tasks stay visible for a while (bounded), so the coordinator can read their final status
 * and consumers their buffer's last answer. Graceful shutdown waits on `whenIdle`.
 * Tasks of one query on this node share the query's memory (query_max_memory_per_node).
 */
import { TrinoError } from '../errors';
import type { OutputBuffer } from '../exchange/output-buffer';
import { QueryMemoryContext } from '../execution/memory-context';
import type { TaskUpdateRequest } from '../scheduler/task-protocol';
import type { SqlTask } from './sql-task';

export interface RunningTask {
  readonly taskId: string;
  readonly outputBuffer: OutputBuffer;
  /** Resolves when the task has finished (its output fully consumed or the task ended). */
  readonly done: Promise<void>;
  /** Stops the task; without it, aborting drops the task's output buffer. */
  abort?(): void;
  /** When its coordinator last asked about it; tasks without one are never swept as abandoned. */
  readonly lastHeartbeat?: number;
}

const TASK_ID = /^[_a-z0-9]+\.\d+\.\d+\.\d+$/;
/** Ended tasks remembered for status and result reads. */
const ENDED_TASKS_KEPT = 1000;

/** Builds a SqlTask for a request, given the query's memory on this node. */
export type SqlTaskFactory = (request: TaskUpdateRequest, memory: QueryMemoryContext) => SqlTask;

export class TaskManager {
  private readonly tasks = new Map<string, RunningTask>();
  private readonly ended = new Map<string, RunningTask>();
  private readonly queryMemory = new Map<string, { memory: QueryMemoryContext; tasks: number }>();
  private idleWaiters: Array<() => void> = [];
  private accepting = true;

  private sweeper: NodeJS.Timeout | undefined;
  /** When the sweep last found this thread had been blocked. */
  private blockedAt = 0;

  constructor(private readonly factory?: SqlTaskFactory) {}

  /**
   * Aborts running tasks the coordinator has not asked about for `timeoutMs` (Trino's
   * task.client.timeout): their coordinator is gone, and nobody will read or end them.
   */
  startAbandonedTaskSweep(timeoutMs: number, sweepIntervalMs = Math.min(10_000, timeoutMs)): void {
    // a fine tick notices when this thread was blocked (a late tick): status requests may then be
    // waiting unread, so nothing counts as abandoned until a whole timeout passed without a block
    const tickMs = 250;
    let lastTick = Date.now();
    let lastSweep = lastTick;
    this.sweeper = setInterval(() => {
      const now = Date.now();
      if (now - lastTick > tickMs + 200) this.blockedAt = now;
      lastTick = now;
      if (now - lastSweep < sweepIntervalMs) return;
      lastSweep = now;
      this.abortAbandoned(timeoutMs, now);
    }, tickMs);
    this.sweeper.unref();
  }

  stopAbandonedTaskSweep(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Aborts the running tasks not heard of for `timeoutMs` of time in which this thread was not
   * blocked (after a blocked stretch, the coordinator gets a whole timeout to be heard again).
   * Returns their ids.
   */
  abortAbandoned(timeoutMs: number, now = Date.now()): string[] {
    if (now - this.blockedAt < timeoutMs) return [];
    const abandoned: string[] = [];
    for (const t of [...this.tasks.values()]) {
      if (t.lastHeartbeat === undefined || now - t.lastHeartbeat < timeoutMs) continue;
      abortTask(t);
      abandoned.push(t.taskId);
    }
    return abandoned;
  }

  get activeTaskCount(): number {
    return this.tasks.size;
  }

  /** Stops accepting new tasks (the node is shutting down or draining). */
  stopAccepting(): void {
    this.accepting = false;
  }

  checkTaskId(taskId: string): void {
    if (!TASK_ID.test(taskId)) throw new TrinoError('GENERIC_INTERNAL_ERROR', `Invalid task id: ${taskId}`);
  }

  register(task: RunningTask): void {
    this.checkTaskId(task.taskId);
    if (!this.accepting) throw new TrinoError('SERVER_SHUTTING_DOWN', 'Server is shutting down');
    this.tasks.set(task.taskId, task);
    void task.done.finally(() => {
      if (this.tasks.get(task.taskId) === task) this.tasks.delete(task.taskId);
      this.ended.set(task.taskId, task);
      if (this.ended.size > ENDED_TASKS_KEPT) this.ended.delete(this.ended.keys().next().value!);
      if (this.tasks.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  /** Creates and starts the task of a request; a repeated request returns the existing task. */
  create(request: TaskUpdateRequest, memoryLimit: number): SqlTask {
    if (!this.factory) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'This node runs no tasks');
    const taskId = request.task.taskId;
    const existing = this.get(taskId);
    if (existing) return existing as SqlTask;
    this.checkTaskId(taskId);
    if (!this.accepting) throw new TrinoError('SERVER_SHUTTING_DOWN', 'Server is shutting down');
    const queryId = taskId.slice(0, taskId.indexOf('.'));
    let query = this.queryMemory.get(queryId);
    if (!query)
      this.queryMemory.set(queryId, (query = { memory: new QueryMemoryContext(memoryLimit), tasks: 0 }));
    query.tasks++;
    const task = this.factory(request, query.memory);
    this.register(task);
    void task.done.finally(() => {
      if (--query.tasks === 0) this.queryMemory.delete(queryId);
    });
    task.start();
    return task;
  }

  get(taskId: string): RunningTask | undefined {
    return this.tasks.get(taskId) ?? this.ended.get(taskId);
  }

  outputBuffer(taskId: string): OutputBuffer | undefined {
    return this.get(taskId)?.outputBuffer;
  }

  taskIds(): string[] {
    return [...this.tasks.keys()];
  }

  /** Every task known here, running or recently ended. */
  allTasks(): RunningTask[] {
    return [...this.tasks.values(), ...this.ended.values()];
  }

  whenIdle(): Promise<void> {
    if (this.tasks.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Aborts every task's output (hard shutdown). */
  abortAll(): void {
    for (const t of this.tasks.values()) abortTask(t);
  }
}

function abortTask(t: RunningTask): void {
  if (t.abort) t.abort();
  else t.outputBuffer.abort();
}
