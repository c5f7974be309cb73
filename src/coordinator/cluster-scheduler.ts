/**
 * The cluster scheduler (DESIGN.md flow step 5): runs a query's fragments as tasks on the
 * cluster's nodes over the task API.
 * - Placement: SOURCE stages get one task per node (at most one per split), splits dealt
 *   round-robin; FIXED_HASH stages `hashPartitionCount` tasks spread over the nodes; other
 *   SINGLE stages one task. A fragment that reads a catalog whose data lives in the coordinator
 *   (memory, system) runs on the coordinator. The root fragment always runs here, in this
 *   process, pulling its inputs over HTTP; its pages are the query's result.
 * - Every task is created with the URIs of its upstream tasks; downstream tasks pull pages from
 *   upstream output buffers directly (the coordinator carries no intermediate data).
 * - Failures: the first failing task fails the query with its error; a node that stops answering
 *   (failure detector, or no answer for the remote-task error budget) fails it with
 *   REMOTE_HOST_GONE naming the node. Then every task is aborted, so nothing is left running.
 * - With no schedulable node the query waits up to `maxWaitForNodesMs`, then fails with
 *   NO_NODES_AVAILABLE; when this coordinator is the only node, the query runs in process.
 */
import type { Split } from '../catalog/spi';
import { TrinoError } from '../errors';
import type { InternalFetch } from '../exchange/exchange-client';
import { ExchangeClient } from '../exchange/exchange-client';
import { QueryMemoryContext } from '../execution/memory-context';
import type { PageStream } from '../execution/operators/page-stream';
import type { PlanFragment, SubPlan } from '../planner/fragmenter';
import { children } from '../planner/optimizer/plan-rewrite';
import type { PlanNode } from '../planner/plan';
import { toPlanJson } from '../planner/plan-json';
import type { Session } from '../planner/session';
import {
  abortReason,
  executeSubPlan,
  type QueryExecution,
  type SchedulerOptions,
} from '../scheduler/in-process-scheduler';
import { consumerCounts, fragmentSplits, taskDescriptor, taskId } from '../scheduler/stage-layout';
import { MemoryExchange } from '../scheduler/memory-exchange';
import type { QueryScheduler } from '../scheduler/query-scheduler';
import { stageStats, type StageStats } from '../scheduler/stage-stats';
import { RemoteTask, type RemoteNode } from './remote-task';
import { runTask } from '../scheduler/task';
import { TaskMemoryContext } from '../scheduler/task-memory';
import type { TaskStatus, TaskUpdateRequest } from '../scheduler/task-protocol';

export interface ClusterSchedulerOptions {
  /** This coordinator. */
  readonly self: () => RemoteNode;
  /** Nodes that may get tasks now (active workers, and this coordinator when included). */
  readonly nodes: () => readonly RemoteNode[];
  /** The failure detector's verdict on a node. */
  readonly isNodeGone: (nodeId: string) => boolean;
  readonly fetch: InternalFetch;
  /** query.remote-task.max-error-duration */
  readonly remoteTaskMaxErrorMs: number;
  /** How long a query waits for a schedulable node (query-manager.required-workers-max-wait). */
  readonly maxWaitForNodesMs: number;
  /** Catalogs whose data lives in the coordinator's memory. */
  readonly coordinatorOnly: (catalog: string) => boolean;
  /** Receives every task status read (system.runtime.tasks). */
  readonly onTaskStatus?: (queryId: string, status: TaskStatus) => void;
}

/** A task failure that only reports that an upstream task failed: the upstream error is the cause. */
const DERIVED_FAILURES = new Set(['REMOTE_TASK_ERROR', 'PAGE_TRANSPORT_ERROR']);
/** How long a derived failure waits for the root cause to be reported. */
const ROOT_CAUSE_WAIT_MS = 1000;

export class ClusterScheduler implements QueryScheduler {
  constructor(private readonly options: ClusterSchedulerOptions) {}

  /** The schedulable nodes now (a query that needs workers and finds none waits in `run`). */
  async partitionCount(): Promise<number> {
    return Math.max(1, this.options.nodes().length);
  }

  private async waitForNodes(): Promise<readonly RemoteNode[]> {
    const deadline = Date.now() + this.options.maxWaitForNodesMs;
    for (;;) {
      const nodes = this.options.nodes();
      if (nodes.length > 0) return nodes;
      if (Date.now() >= deadline)
        throw new TrinoError(
          'NO_NODES_AVAILABLE',
          `No nodes available to run query (waited ${this.options.maxWaitForNodesMs}ms for an active worker)`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  execute(plan: SubPlan, options: SchedulerOptions, session: Session): QueryExecution {
    const stages = new Map<number, StageStats>();
    return { pages: this.run(plan, options, session, stages), stages };
  }

  private async *run(
    plan: SubPlan,
    options: SchedulerOptions,
    session: Session,
    stages: Map<number, StageStats>,
  ): PageStream {
    const self = this.options.self();
    const remote = plan.fragments.filter((f) => f.id !== plan.rootFragmentId);
    const pinned = remote.filter((f) => readsCatalog(f.root, this.options.coordinatorOnly));
    // metadata and system tables need no worker: their fragments run on this coordinator
    const nodes = pinned.length === remote.length ? [self] : await this.waitForNodes();
    if (nodes.length === 1 && nodes[0].nodeId === self.nodeId) {
      // the coordinator is the whole cluster: no HTTP between its own tasks
      const local = executeSubPlan(plan, options);
      yield* local.pages;
      for (const [id, s] of local.stages) stages.set(id, s);
      return;
    }
    yield* new QueryRun(plan, options, session, this.options, nodes, self, stages).pages();
  }
}

interface StagePlacement {
  readonly fragment: PlanFragment;
  readonly nodes: readonly RemoteNode[];
  readonly splits: readonly Split[];
}

/** One query's tasks on the cluster, from creation to cleanup. */
class QueryRun {
  private readonly tasks = new Map<number, RemoteTask[]>();
  private readonly running: Promise<void>[] = [];
  private failure: TrinoError | undefined;
  private derivedFailure: TrinoError | undefined;
  private derivedTimer: NodeJS.Timeout | undefined;
  private rootExchange: MemoryExchange | undefined;
  private readonly rootClients: ExchangeClient[] = [];
  private failed!: () => void;
  /** Stops the root task's own scans (subqueries it runs itself) when the query fails. */
  private readonly stop = new AbortController();
  private readonly failedSignal = new Promise<void>((resolve) => (this.failed = resolve));

  constructor(
    private readonly plan: SubPlan,
    private readonly options: SchedulerOptions,
    private readonly session: Session,
    private readonly cluster: ClusterSchedulerOptions,
    private readonly nodes: readonly RemoteNode[],
    private readonly self: RemoteNode,
    private readonly stages: Map<number, StageStats>,
  ) {}

  async *pages(): PageStream {
    const signal = this.options.signal;
    const onAbort = () => this.commitFailure(abortReason(signal!));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      yield* this.run();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async *run(): PageStream {
    if (this.failure) throw this.failure;
    const placements = await this.place();
    if (this.failure) throw this.failure;
    const uris = new Map<number, string[]>();
    for (const [id, p] of placements)
      uris.set(
        id,
        p.nodes.map(
          (node, partition) => `${node.uri}/v1/task/${taskId(this.options.queryId, id, partition)}`,
        ),
      );
    const consumers = consumerCounts(this.plan, (id) =>
      id === this.plan.rootFragmentId ? 1 : placements.get(id)!.nodes.length,
    );

    for (const [id, p] of placements) {
      const list: RemoteTask[] = [];
      const count = p.nodes.length;
      for (let partition = 0; partition < count; partition++) {
        const descriptor = taskDescriptor(
          this.options.queryId,
          p.fragment,
          partition,
          count,
          p.splits,
          consumers.get(id) ?? 1,
        );
        const request: TaskUpdateRequest = {
          session: this.session,
          task: descriptor,
          remoteSources: Object.fromEntries(
            p.fragment.remoteSourceFragments.map((s) => [String(s), uris.get(s) ?? []]),
          ),
          collectStats: this.options.collectStats ?? false,
        };
        list.push(
          new RemoteTask(descriptor.taskId, p.nodes[partition], toPlanJson(request), {
            fetch: this.cluster.fetch,
            maxErrorMs: this.cluster.remoteTaskMaxErrorMs,
            isNodeGone: this.cluster.isNodeGone,
            onStatus: (_task, status) => this.cluster.onTaskStatus?.(this.options.queryId, status),
            onFailure: (_task, error) => this.fail(error),
          }),
        );
      }
      this.tasks.set(id, list);
    }
    for (const list of this.tasks.values()) for (const t of list) this.running.push(t.run());

    const root = this.plan.fragments.find((f) => f.id === this.plan.rootFragmentId)!;
    const exchange = (this.rootExchange = new MemoryExchange(1, 1, this.options.queuedPages));
    if (this.failure) exchange.abort();
    const memory = new TaskMemoryContext(this.options.context.memory ?? new QueryMemoryContext(Infinity));
    const rootTask = runTask(taskDescriptor(this.options.queryId, root, 0, 1, [], 1), {
      context: { ...this.options.context, memory, signal: this.stop.signal },
      remoteSource: (node) => this.remoteSource(node.sourceFragmentIds, uris),
      sink: exchange.sink(),
      collectStats: this.options.collectStats ?? false,
    }).catch((e: unknown) => {
      this.fail(e instanceof TrinoError ? e : new TrinoError('GENERIC_INTERNAL_ERROR', String(e)));
      return undefined;
    });

    let completed = false;
    try {
      yield* exchange.consume(0);
      completed = true;
    } finally {
      exchange.abort();
      for (const c of this.rootClients) void c.close();
      const rootResult = await rootTask;
      if (completed && !this.failure) await this.settle();
      await this.cleanup();
      if (!this.failure && rootResult)
        this.stages.set(
          root.id,
          stageStats(
            root.id,
            [
              {
                outputRows: rootResult.outputRows,
                peakMemoryBytes: memory.peakBytes,
                ...(rootResult.nodes ? { nodes: rootResult.nodes.byNode } : {}),
              },
            ],
            0,
          ),
        );
    }
    if (this.failure) throw this.failure;
  }

  /** Where each non-root fragment's tasks go, and the splits of source stages. */
  private async place(): Promise<Map<number, StagePlacement>> {
    const placements = new Map<number, StagePlacement>();
    let offset = 0;
    for (const f of this.plan.fragments) {
      if (f.id === this.plan.rootFragmentId) continue;
      const pinned = readsCatalog(f.root, this.cluster.coordinatorOnly);
      const pool = pinned ? [this.self] : this.nodes;
      const desired = Math.max(this.options.splitsPerScan, this.nodes.length);
      const splits = (await fragmentSplits(f, this.options.context, desired)) ?? [];
      let count = 1;
      if (f.partitionedSources.length > 0) count = Math.max(1, Math.min(pool.length, splits.length));
      else if (f.partitioning === 'FIXED_HASH') count = this.options.hashPartitionCount;
      const nodes = Array.from({ length: count }, (_, i) => pool[(i + offset) % pool.length]);
      offset++;
      placements.set(f.id, { fragment: f, nodes, splits });
    }
    return placements;
  }

  /** The root's input: buffer 0 of every task of the source fragments, pulled over HTTP. */
  private remoteSource(fragmentIds: readonly number[], uris: ReadonlyMap<number, string[]>): PageStream {
    const client = new ExchangeClient({
      fetch: this.cluster.fetch,
      maxErrorDurationMs: this.cluster.remoteTaskMaxErrorMs,
    });
    this.rootClients.push(client);
    for (const id of fragmentIds)
      for (const uri of uris.get(id) ?? []) client.addLocation(`${uri}/results/0`);
    client.noMoreLocations();
    return client.stream();
  }

  /**
   * The query fails with `error`. A failure that only says "an upstream task failed" waits a
   * moment for the upstream task's own error, which is what the user needs to see.
   */
  private fail(error: TrinoError): void {
    if (this.failure) return;
    if (DERIVED_FAILURES.has(error.errorName)) {
      this.derivedFailure ??= error;
      this.derivedTimer ??= setTimeout(() => this.commitFailure(this.derivedFailure!), ROOT_CAUSE_WAIT_MS);
      return;
    }
    this.commitFailure(error);
  }

  private commitFailure(error: TrinoError): void {
    if (this.failure) return;
    clearTimeout(this.derivedTimer);
    this.failure = error;
    this.stop.abort(error);
    this.rootExchange?.abort();
    for (const c of this.rootClients) void c.close();
    for (const list of this.tasks.values()) for (const t of list) void t.abort();
    this.failed();
  }

  /** After a complete result: lets every task report its final state (bounded wait). */
  private async settle(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(this.running),
      this.failedSignal,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000))),
    ]);
    clearTimeout(timer);
  }

  /** Aborts what is still running and records each stage's statistics. */
  private async cleanup(): Promise<void> {
    clearTimeout(this.derivedTimer);
    if (!this.failure && this.derivedFailure) this.failure = this.derivedFailure;
    const all = [...this.tasks.values()].flat();
    await Promise.all(all.map((t) => (t.isDone ? undefined : t.abort())));
    await Promise.all(this.running);
    for (const [id, list] of this.tasks) {
      const statuses = list.map((t) => t.lastStatus).filter((s): s is TaskStatus => s !== undefined);
      this.stages.set(
        id,
        stageStats(
          id,
          statuses.map((s) => ({
            outputRows: s.outputRows,
            peakMemoryBytes: s.peakMemoryBytes,
            ...(s.nodeStats ? { nodes: s.nodeStats } : {}),
          })),
          statuses.reduce((n, s) => n + s.totalSplits, 0),
        ),
      );
    }
  }
}

function readsCatalog(node: PlanNode, test: (catalog: string) => boolean): boolean {
  if (node.kind === 'TableScan' && test(node.catalog)) return true;
  return children(node).some((c) => readsCatalog(c, test));
}
