/**
 * RemoteTask: the coordinator's handle on one task placed on a node (Trino's HttpRemoteTask).
 * It creates the task (POST, retried while the node cannot be reached), then long-polls its status
 * until the task is done, and reports:
 * - `onStatus` for every status read (stats, state changes);
 * - `onFailure` once, when the task failed (the worker's error, rebuilt with its name and code),
 *   or when the node is gone: the failure detector says so, or no request has succeeded for
 *   `maxErrorMs` (REMOTE_HOST_GONE, naming the node).
 * `abort` deletes the task on the node and stops polling.
 */
import { TrinoError } from '../errors';
import type { InternalFetch } from '../exchange/exchange-client';
import {
  TASK_REQUEST_CONTENT_TYPE,
  failureError,
  isDoneState,
  type TaskStatus,
} from '../scheduler/task-protocol';

export interface RemoteNode {
  readonly nodeId: string;
  readonly uri: string;
}

export interface RemoteTaskOptions {
  readonly fetch: InternalFetch;
  /** No successful request for this long fails the task (query.remote-task.max-error-duration). */
  readonly maxErrorMs: number;
  /** True once the failure detector has given up on the node. */
  readonly isNodeGone: (nodeId: string) => boolean;
  readonly onStatus: (task: RemoteTask, status: TaskStatus) => void;
  readonly onFailure: (task: RemoteTask, error: TrinoError) => void;
}

/** How long one status request waits on the worker for a change. */
const STATUS_WAIT = '1s';

export class RemoteTask {
  /** `{nodeUri}/v1/task/{taskId}`: what consumers read results from. */
  readonly uri: string;
  private status: TaskStatus | undefined;
  private stopped = false;
  private readonly abortController = new AbortController();

  constructor(
    readonly taskId: string,
    readonly node: RemoteNode,
    private readonly body: string,
    private readonly options: RemoteTaskOptions,
  ) {
    this.uri = `${node.uri}/v1/task/${taskId}`;
  }

  get lastStatus(): TaskStatus | undefined {
    return this.status;
  }

  get isDone(): boolean {
    return this.status !== undefined && isDoneState(this.status.state);
  }

  /** Creates the task and follows it until it is done, failed or aborted. Never rejects. */
  async run(): Promise<void> {
    const created = await this.request(async (signal) => {
      const r = await this.options.fetch(this.uri, {
        method: 'POST',
        headers: { 'content-type': TASK_REQUEST_CONTENT_TYPE },
        body: this.body,
        signal,
      });
      if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${(await r.text()).slice(0, 300)}`);
      return (await r.json()) as TaskStatus;
    });
    if (!created) return;
    this.update(created);
    while (!this.stopped && !this.isDone) {
      const version = this.status?.version ?? -1;
      const status = await this.request(async (signal) => {
        const r = await this.options.fetch(`${this.uri}/status`, {
          headers: { 'x-trino-current-version': String(version), 'x-trino-max-wait': STATUS_WAIT },
          signal,
        });
        if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${(await r.text()).slice(0, 300)}`);
        return (await r.json()) as TaskStatus;
      });
      if (!status) return;
      this.update(status);
    }
  }

  private update(status: TaskStatus): void {
    this.status = status;
    this.options.onStatus(this, status);
    if ((status.state === 'ABORTED' || status.state === 'CANCELED') && !this.stopped) {
      // not by us: the node dropped it (shutdown, abandoned-task sweep); its output is incomplete
      this.stopped = true;
      this.options.onFailure(
        this,
        new TrinoError('REMOTE_TASK_ERROR', `Task ${this.taskId} was aborted on ${this.describeNode()}`),
      );
    }
    if (status.state === 'FAILED' && !this.stopped) {
      this.stopped = true;
      const failure = status.failures[0];
      this.options.onFailure(
        this,
        failure
          ? failureError(failure)
          : new TrinoError('REMOTE_TASK_ERROR', `Task ${this.taskId} failed on ${this.describeNode()}`),
      );
    }
  }

  /**
   * One request, retried with backoff until it succeeds, the task is stopped, or the node is
   * judged gone (then onFailure and undefined).
   */
  private async request<T>(attempt: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    let errorSince: number | undefined;
    let delay = 50;
    for (;;) {
      if (this.stopped) return undefined;
      try {
        return await attempt(this.abortController.signal);
      } catch (e) {
        if (this.stopped) return undefined;
        errorSince ??= Date.now();
        const gone = this.options.isNodeGone(this.node.nodeId);
        if (gone || Date.now() - errorSince >= this.options.maxErrorMs) {
          this.stopped = true;
          this.options.onFailure(
            this,
            new TrinoError(
              'REMOTE_HOST_GONE',
              `Could not communicate with the remote task ${this.taskId}: ${this.describeNode()} ${
                gone ? 'is no longer active' : `has not answered for ${Date.now() - errorSince}ms`
              } (${(e as Error).message})`,
            ),
          );
          return undefined;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 500);
      }
    }
  }

  private describeNode(): string {
    return `node ${this.node.nodeId} at ${this.node.uri}`;
  }

  /** Stops following the task and aborts it on its node (best effort). */
  async abort(): Promise<void> {
    if (this.isDone && this.stopped) return;
    this.stopped = true;
    this.abortController.abort();
    try {
      const r = await this.options.fetch(this.uri, { method: 'DELETE', signal: AbortSignal.timeout(2000) });
      await r.body?.cancel();
    } catch {
      // the node is gone or busy: its tasks end with it, or when their consumers vanish
    }
  }
}
