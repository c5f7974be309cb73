/**
 * TaskManager: the tasks running on this worker, each with its output buffer. Until plan
 * fragments can be executed here (the fragmenter and scheduler land separately), a task is
 * registered with its output buffer by whoever runs it; the results pull protocol reads the
 * buffers through `outputBuffer`, and graceful shutdown waits on `whenIdle`.
 */
import { TrinoError } from '../errors';
import type { OutputBuffer } from '../exchange/output-buffer';

export interface RunningTask {
  readonly taskId: string;
  readonly outputBuffer: OutputBuffer;
  /** Resolves when the task has finished (its output fully consumed or the task ended). */
  readonly done: Promise<void>;
}

const TASK_ID = /^[_a-z0-9]+\.\d+\.\d+\.\d+$/;

export class TaskManager {
  private readonly tasks = new Map<string, RunningTask>();
  private idleWaiters: Array<() => void> = [];
  private accepting = true;

  get activeTaskCount(): number {
    return this.tasks.size;
  }

  /** Stops accepting new tasks (the node is shutting down or draining). */
  stopAccepting(): void {
    this.accepting = false;
  }

  register(task: RunningTask): void {
    if (!TASK_ID.test(task.taskId))
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `Invalid task id: ${task.taskId}`);
    if (!this.accepting) throw new TrinoError('SERVER_SHUTTING_DOWN', 'Server is shutting down');
    this.tasks.set(task.taskId, task);
    void task.done.finally(() => {
      if (this.tasks.get(task.taskId) === task) this.tasks.delete(task.taskId);
      if (this.tasks.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  outputBuffer(taskId: string): OutputBuffer | undefined {
    return this.tasks.get(taskId)?.outputBuffer;
  }

  taskIds(): string[] {
    return [...this.tasks.keys()];
  }

  whenIdle(): Promise<void> {
    if (this.tasks.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Aborts every task's output (hard shutdown). */
  abortAll(): void {
    for (const t of this.tasks.values()) t.outputBuffer.abort();
  }
}
