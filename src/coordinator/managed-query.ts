/**
 * One query's life on the coordinator: QUEUED until started, PLANNING while the engine parses and
 * plans, STARTING, RUNNING while pages flow, FINISHING while the last buffered pages wait for the
 * client, then FINISHED; or FAILED at any point (an error, a cancel, the time limit).
 *
 * Results are a bounded buffer between the engine's page stream and the client: the pump pulls
 * pages only while fewer than `maxBufferedBytes` are waiting, so a client that stops reading stops
 * execution (the engine's operators are pull-driven) and a million-row result never sits in memory
 * at once. This module knows nothing of HTTP; the protocol layer reads it.
 */
import { parseDuration } from '../duration';
import { TrinoError } from '../errors';
import { pageBytes } from '../execution/memory-context';
import type { Page } from '../execution/page';
import type { StatementExecution } from '../local-engine';
import type { Session } from '../planner/session';
import type { SessionEffects } from '../session-statements';
import type { TrackedQuery } from '../system-tables';
import type { SqlType } from '../types';
import { formatDuration, isDone, type QueryState } from './query-state';

/** What the query manager needs from an engine (LocalQueryEngine implements it). */
export interface StatementEngine {
  /** `signal` aborts the statement's execution (cancel, time limit, failure). */
  executeStatement(sql: string, session: Session, signal?: AbortSignal): Promise<StatementExecution>;
  trackQuery?(tracked: TrackedQuery): void;
  /** Where a query's tasks are, when they run on a cluster (the client's progress). */
  progress?(queryId: string): QueryProgress | undefined;
}

/** A query's tasks on the cluster, counted as Trino's progress counts splits. */
export interface QueryProgress {
  readonly nodes: number;
  readonly totalSplits: number;
  readonly runningSplits: number;
  readonly completedSplits: number;
}

export interface QueryColumn {
  readonly name: string;
  readonly type: SqlType;
}

export interface ManagedQueryOptions {
  readonly maxBufferedBytes: number;
  /** query.max-execution-time in ms (the session property query_max_execution_time may lower it). */
  readonly maxExecutionTime: number;
  /** Runs before planning: checks that must fail the query (not the HTTP request), e.g. session properties. */
  readonly validate?: (session: Session) => void;
  /** Called once when the query reaches FINISHED or FAILED. */
  readonly onDone?: (query: ManagedQuery) => void;
}

/** Counters behind StatementStats and QueryInfo. */
export interface QueryCounters {
  readonly createTime: number;
  readonly executionStartTime?: number;
  readonly planningEndTime?: number;
  readonly endTime?: number;
  readonly lastHeartbeat: number;
  readonly outputRows: number;
  readonly outputBytes: number;
  readonly bufferedBytes: number;
  readonly peakBufferedBytes: number;
  readonly pagesProduced: number;
}

export class ManagedQuery {
  state: QueryState = 'QUEUED';
  error: TrinoError | undefined;
  columns: readonly QueryColumn[] | undefined;
  updateType: string | undefined;
  updateCount: number | undefined;
  effects: SessionEffects = {};

  private readonly buffer: Page[] = [];
  private iterator: AsyncIterator<Page> | undefined;
  private pumping = false;
  private producerDone = false;
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly abort = new AbortController();
  private counters: {
    -readonly [K in keyof QueryCounters]: QueryCounters[K];
  };

  constructor(
    readonly queryId: string,
    readonly sql: string,
    readonly session: Session,
    private readonly engine: StatementEngine,
    private readonly options: ManagedQueryOptions,
    readonly tracked: TrackedQuery,
  ) {
    const now = Date.now();
    this.counters = {
      createTime: now,
      lastHeartbeat: now,
      outputRows: 0,
      outputBytes: 0,
      bufferedBytes: 0,
      peakBufferedBytes: 0,
      pagesProduced: 0,
    };
  }

  get stats(): QueryCounters {
    return this.counters;
  }

  /** The cluster's progress on this query's tasks; undefined when it runs in this process. */
  get progress(): QueryProgress | undefined {
    return this.engine.progress?.(this.queryId);
  }

  get done(): boolean {
    return isDone(this.state);
  }

  heartbeat(): void {
    this.counters.lastHeartbeat = Date.now();
  }

  /** Submits the query (Trino submits on the client's first poll). Idempotent. */
  start(): void {
    if (this.state !== 'QUEUED') return;
    this.setState('PLANNING');
    this.counters.executionStartTime = Date.now();
    const limit = this.executionTimeLimit();
    if (limit !== undefined) {
      this.limit = limit;
      this.deadline = Date.now() + limit;
      this.timer = setTimeout(() => this.failTimeLimit(), limit);
      this.timer.unref();
    }
    void this.run();
  }

  private limit = 0;
  private deadline: number | undefined;

  private failTimeLimit(): void {
    this.fail(
      new TrinoError(
        'EXCEEDED_TIME_LIMIT',
        `Query exceeded the maximum execution time limit of ${formatDuration(this.limit)}`,
      ),
    );
  }

  private executionTimeLimit(): number | undefined {
    let limit = this.options.maxExecutionTime;
    const fromSession = this.session.systemProperties.query_max_execution_time;
    if (fromSession !== undefined) {
      const ms = parseSessionDuration(fromSession);
      if (ms !== undefined) limit = Math.min(limit, ms);
    }
    // setTimeout holds at most 2^31-1 ms; a longer limit never fires in practice
    return limit < 2 ** 31 ? limit : undefined;
  }

  private async run(): Promise<void> {
    let execution: StatementExecution;
    try {
      this.options.validate?.(this.session);
      execution = await this.engine.executeStatement(this.sql, this.session, this.abort.signal);
    } catch (e) {
      this.fail(asTrinoError(e));
      return;
    }
    if (this.done) {
      // cancelled while planning: release the stream without reading it
      void execution.pages[Symbol.asyncIterator]().return?.();
      return;
    }
    this.counters.planningEndTime = Date.now();
    this.columns = execution.columns;
    this.updateType = execution.updateType;
    this.updateCount = execution.updateCount;
    this.effects = execution.effects;
    this.iterator = execution.pages[Symbol.asyncIterator]();
    this.setState('STARTING');
    this.setState('RUNNING');
    this.pump();
  }

  /** Pulls pages into the buffer until it is full, the stream ends, or the query is done. */
  private pump(): void {
    if (this.pumping || this.producerDone || this.done || !this.iterator) return;
    this.pumping = true;
    void (async () => {
      try {
        while (!this.done && this.counters.bufferedBytes < this.options.maxBufferedBytes) {
          const next = await this.iterator!.next();
          if (this.done) return;
          // the engine may run long stretches without yielding to timers; check the limit here too
          if (this.deadline !== undefined && Date.now() > this.deadline) {
            this.failTimeLimit();
            return;
          }
          if (next.done) {
            this.producerDone = true;
            this.finishIfDrained();
            return;
          }
          const page = next.value;
          if (page.positionCount === 0) continue;
          const bytes = pageBytes(page);
          this.buffer.push(page);
          this.counters.bufferedBytes += bytes;
          this.counters.peakBufferedBytes = Math.max(
            this.counters.peakBufferedBytes,
            this.counters.bufferedBytes,
          );
          this.counters.outputRows += page.positionCount;
          this.counters.outputBytes += bytes;
          this.counters.pagesProduced++;
          this.tracked.outputRows = this.counters.outputRows;
          this.wake();
        }
      } catch (e) {
        this.fail(asTrinoError(e));
      } finally {
        this.pumping = false;
      }
    })();
  }

  private finishIfDrained(): void {
    if (this.done) return;
    if (!this.producerDone) return;
    if (this.buffer.length > 0) {
      if (this.state !== 'FINISHING') this.setState('FINISHING');
      return;
    }
    this.setState('FINISHED');
  }

  /**
   * Waits up to `maxWaitMs` until pages are buffered or the query reaches a state where there will
   * be none (done, or finished producing), then hands out buffered pages up to about `targetBytes`
   * (at least one page).
   */
  async takeResults(maxWaitMs: number, targetBytes: number): Promise<Page[]> {
    this.heartbeat();
    if (this.buffer.length === 0 && !this.done) await this.waitForChange(maxWaitMs);
    const pages: Page[] = [];
    let bytes = 0;
    while (this.buffer.length > 0 && (pages.length === 0 || bytes < targetBytes)) {
      const page = this.buffer.shift()!;
      const size = pageBytes(page);
      bytes += size;
      this.counters.bufferedBytes -= size;
      pages.push(page);
    }
    if (pages.length > 0) this.pump();
    this.finishIfDrained();
    return pages;
  }

  /** Resolves on the next buffered page or state change, or after `ms`. */
  waitForChange(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  cancel(): void {
    this.fail(new TrinoError('USER_CANCELED', 'Query was canceled'));
  }

  fail(error: TrinoError): void {
    if (this.done) return;
    this.error = error;
    // rows not yet handed to the client are dropped, as in Trino
    this.buffer.length = 0;
    this.counters.bufferedBytes = 0;
    this.setState('FAILED');
    // stops the execution now: `return()` below waits for a pending read, which may be long
    this.abort.abort(error);
    const it = this.iterator;
    this.iterator = undefined;
    if (it?.return) void Promise.resolve(it.return()).catch(() => undefined);
  }

  private setState(state: QueryState): void {
    this.state = state;
    this.tracked.state = state;
    if (isDone(state)) {
      this.counters.endTime = Date.now();
      this.tracked.end = this.counters.endTime;
      if (this.error) {
        this.tracked.errorType = this.error.errorType;
        this.tracked.errorCode = this.error.errorName;
      }
      if (this.timer) clearTimeout(this.timer);
      this.options.onDone?.(this);
    }
    this.wake();
  }
}

function parseSessionDuration(text: string): number | undefined {
  try {
    return parseDuration(text);
  } catch {
    return undefined; // validated before the query starts
  }
}

/** Every failure reaches the client as a TrinoError; anything else is an internal error. */
export function asTrinoError(e: unknown): TrinoError {
  if (e instanceof TrinoError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return new TrinoError('GENERIC_INTERNAL_ERROR', 'Stack overflow while executing the query', undefined, {
      cause: e,
    });
  return new TrinoError('GENERIC_INTERNAL_ERROR', e instanceof Error ? e.message : String(e), undefined, {
    cause: e,
  });
}
