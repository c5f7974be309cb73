/**
 * SqlTask: one task running on this node for a remote coordinator (Trino's SqlTask). It runs the
 * fragment with `runTask` (scheduler/task.ts, the same entry the in-process scheduler uses):
 * - its output goes, serialized by the page codec, into an OutputBuffer that downstream tasks
 *   (or the coordinator) pull over the results protocol — PARTITIONED by the output hash, or
 *   BROADCAST to every consumer;
 * - each RemoteSource reads its upstream tasks' buffers through an ExchangeClient;
 * - its state (RUNNING → FLUSHING while the buffer drains → FINISHED; or FAILED, ABORTED) is
 *   versioned so the coordinator can long-poll for changes.
 * Aborting stops the task where it is: exchange clients close, the buffer drops its pages.
 */
import { TrinoError } from '../errors';
import type { ExecutionContext } from '../execution/local-execution-planner';
import type { PageStream } from '../execution/operators/page-stream';
import type { Page } from '../execution/page';
import { ExchangeClient, type InternalFetch } from '../exchange/exchange-client';
import { OutputBuffer } from '../exchange/output-buffer';
import { serializePage } from '../exchange/page-codec';
import type { RemoteSourceNode } from '../planner/plan';
import { runTask, type TaskResult, type TaskSink } from '../scheduler/task';
import { TaskMemoryContext } from '../scheduler/task-memory';
import {
  isDoneState,
  taskFailure,
  type TaskFailure,
  type TaskState,
  type TaskStatus,
  type TaskUpdateRequest,
} from '../scheduler/task-protocol';
import type { RunningTask } from './task-manager';

export interface SqlTaskEnvironment {
  /** The execution context for the request's session; `memory` is the query's memory on this node. */
  readonly context: ExecutionContext;
  readonly fetch: InternalFetch;
  readonly nodeId: string;
  /** This task's URI (`{nodeUri}/v1/task/{taskId}`). */
  readonly self: string;
  /** How long exchange clients retry a failing upstream before failing the task. */
  readonly exchangeMaxErrorMs?: number;
}

export class SqlTask implements RunningTask {
  readonly taskId: string;
  readonly outputBuffer: OutputBuffer;
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private state: TaskState = 'RUNNING';
  private version = 0;
  private failures: TaskFailure[] = [];
  private readonly clients: ExchangeClient[] = [];
  private readonly memory: TaskMemoryContext;
  private readonly started = Date.now();
  private ended: number | undefined;
  private result: TaskResult | undefined;
  private outputBytes = 0;
  private changeWaiters: Array<() => void> = [];
  /** When the coordinator last asked about this task (see TaskManager's abandoned-task sweep). */
  lastHeartbeat = Date.now();
  /** Stops the task's scans when it is aborted. */
  private readonly stop = new AbortController();

  constructor(
    private readonly request: TaskUpdateRequest,
    private readonly env: SqlTaskEnvironment,
  ) {
    this.taskId = request.task.taskId;
    const output = request.task.fragment.outputPartitioning.handle;
    const consumers = request.task.outputPartitionCount;
    this.outputBuffer =
      output === 'FIXED_BROADCAST'
        ? new OutputBuffer({ type: 'BROADCAST', bufferIds: range(consumers) })
        : new OutputBuffer({ type: 'PARTITIONED', partitions: output === 'SINGLE' ? 1 : consumers });
    // every consumer is known up front: a broadcast keeps no history for late joiners
    if (output === 'FIXED_BROADCAST') this.outputBuffer.setNoMoreBuffers();
    this.memory = new TaskMemoryContext(env.context.memory!);
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  /** Starts the task; `done` resolves when it has ended (it never rejects). */
  start(): void {
    const types = this.request.task.fragment.outputLayout.map((s) => s.type);
    const buffer = this.outputBuffer;
    const sink: TaskSink = {
      enqueue: async (partition, page: Page) => {
        const serialized = serializePage(page, types);
        this.outputBytes += serialized.bytes.byteLength;
        await buffer.enqueue([serialized], partition === 'all' ? 0 : partition);
      },
      get done() {
        return buffer.allBuffersDestroyed;
      },
      finish: () => {
        if (!isDoneState(this.state)) buffer.setNoMorePages();
      },
    };
    runTask(this.request.task, {
      context: { ...this.env.context, memory: this.memory, signal: this.stop.signal },
      remoteSource: (node) => this.remoteSource(node),
      sink,
      collectStats: this.request.collectStats,
    }).then(
      (result) => {
        this.result = result;
        if (isDoneState(this.state)) return;
        this.transition('FLUSHING');
        void buffer.whenFinished().then(() => this.transition('FINISHED'));
      },
      (error: unknown) => this.fail(error),
    );
  }

  /** Pages of upstream tasks for a RemoteSource: buffer `partition` of each upstream task. */
  private remoteSource(node: RemoteSourceNode): PageStream {
    const client = new ExchangeClient({
      fetch: this.env.fetch,
      ...(this.env.exchangeMaxErrorMs !== undefined
        ? { maxErrorDurationMs: this.env.exchangeMaxErrorMs }
        : {}),
    });
    this.clients.push(client);
    for (const fragmentId of node.sourceFragmentIds)
      for (const uri of this.request.remoteSources[String(fragmentId)] ?? [])
        client.addLocation(`${uri}/results/${this.request.task.partition}`);
    client.noMoreLocations();
    return client.stream();
  }

  private fail(error: unknown): void {
    if (isDoneState(this.state)) return;
    this.failures = [taskFailure(error)];
    this.outputBuffer.abort('FAILED');
    this.closeClients();
    this.transition('FAILED');
  }

  /** Stops the task (the query ended or failed); its output is dropped. */
  abort(): void {
    if (isDoneState(this.state)) return;
    this.lastHeartbeat = Date.now();
    this.outputBuffer.abort('ABORTED');
    this.closeClients();
    this.transition('ABORTED');
  }

  private closeClients(): void {
    this.stop.abort(new TrinoError('GENERIC_INTERNAL_ERROR', `Task ${this.taskId} stopped`));
    for (const c of this.clients) void c.close();
  }

  private transition(state: TaskState): void {
    if (isDoneState(this.state)) return;
    this.state = state;
    this.version++;
    if (isDoneState(state)) {
      this.ended = Date.now();
      this.resolveDone();
    }
    for (const w of this.changeWaiters.splice(0)) w();
  }

  /** The status, once its version is above `version` or `maxWaitMs` passed. */
  async statusAfter(version: number, maxWaitMs: number): Promise<TaskStatus> {
    this.lastHeartbeat = Date.now();
    if (this.version <= version && !isDoneState(this.state) && maxWaitMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxWaitMs);
        this.changeWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.status();
  }

  status(): TaskStatus {
    const r = this.result;
    return {
      taskId: this.taskId,
      taskInstanceId: this.outputBuffer.taskInstanceId,
      version: this.version,
      state: this.state,
      self: this.env.self,
      nodeId: this.env.nodeId,
      failures: this.failures,
      totalSplits: this.request.task.sources.reduce((n, s) => n + s.splits.length, 0),
      outputRows: r?.outputRows ?? 0,
      outputPages: r?.outputPages ?? 0,
      outputBytes: this.outputBytes,
      peakMemoryBytes: this.memory.peakBytes,
      elapsedMillis: (this.ended ?? Date.now()) - this.started,
      ...(r?.nodes ? { nodeStats: [...r.nodes.byNode.entries()] } : {}),
    };
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
