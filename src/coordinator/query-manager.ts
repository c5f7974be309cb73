/**
 * The coordinator's query manager: creates queries with Trino-shaped ids, keeps them while they
 * run and for a while after, cancels them, fails the ones whose client went away
 * (query.client.timeout, ABANDONED_QUERY), and lists them for /v1/query and
 * system.runtime.queries. Each query's lifecycle and result buffer is a ManagedQuery.
 */
import { TrinoError } from '../errors';
import { parseZone } from '../types';
import type { Session } from '../planner/session';
import { validateSessionProperties } from '../session-properties';
import type { TrackedQuery } from '../system-tables';
import { ManagedQuery, type StatementEngine } from './managed-query';
import { QueryIdGenerator } from './query-id';
import { formatDuration } from './query-state';

export interface QueryManagerOptions {
  readonly engine: StatementEngine;
  /** Result bytes buffered per query before execution pauses for the client (default 8 MB). */
  readonly maxBufferedBytes?: number;
  /** query.max-execution-time in ms (default 100 days, Trino's). */
  readonly maxExecutionTime?: number;
  /** query.client.timeout in ms (default 5 minutes). */
  readonly clientTimeout?: number;
  /** query.max-length: the longest SQL text accepted (default 1,000,000 characters). */
  readonly maxQueryLength?: number;
  /** How many finished queries stay listed (query.max-history, default 100). */
  readonly maxHistory?: number;
  readonly coordinatorId?: string;
}

export class QueryManager {
  readonly ids: QueryIdGenerator;
  private readonly queries = new Map<string, ManagedQuery>();
  private readonly sweeper: NodeJS.Timeout;
  /** Transactions started by START TRANSACTION and not yet ended, by id. */
  private readonly transactions = new Set<string>();

  readonly maxBufferedBytes: number;
  private readonly maxExecutionTime: number;
  private readonly clientTimeout: number;
  readonly maxQueryLength: number;
  private readonly maxHistory: number;

  constructor(private readonly options: QueryManagerOptions) {
    this.ids = new QueryIdGenerator(options.coordinatorId);
    this.maxBufferedBytes = options.maxBufferedBytes ?? 8 * 2 ** 20;
    this.maxExecutionTime = options.maxExecutionTime ?? 100 * 86_400_000;
    this.clientTimeout = options.clientTimeout ?? 5 * 60_000;
    this.maxQueryLength = options.maxQueryLength ?? 1_000_000;
    this.maxHistory = options.maxHistory ?? 100;
    this.sweeper = setInterval(() => this.sweep(), Math.min(1000, this.clientTimeout / 2));
    this.sweeper.unref();
  }

  /**
   * Registers a query in state QUEUED; it runs when start() is called (on the client's first poll).
   * Failures that belong to the query (text too large, bad session properties) surface as FAILED.
   */
  create(sql: string, session: Omit<Session, 'queryId' | 'startTime'>): ManagedQuery {
    const queryId = this.ids.next();
    const full: Session = { ...session, queryId, startTime: Date.now() };
    const tracked: TrackedQuery = {
      queryId,
      state: 'QUEUED',
      user: full.user,
      query: sql,
      created: full.startTime,
      outputRows: 0,
    };
    const query = new ManagedQuery(
      queryId,
      sql,
      full,
      this.options.engine,
      {
        maxBufferedBytes: this.maxBufferedBytes,
        maxExecutionTime: this.maxExecutionTime,
        validate: (s) => this.validate(sql, s),
        onDone: (q) => this.noteTransactionEffects(q),
      },
      tracked,
    );
    this.queries.set(queryId, query);
    this.options.engine.trackQuery?.(tracked);
    this.trimHistory();
    return query;
  }

  private validate(sql: string, session: Session): void {
    if (sql.length > this.maxQueryLength)
      throw new TrinoError(
        'QUERY_TEXT_TOO_LARGE',
        `Query text length (${sql.length}) exceeds the maximum length (${this.maxQueryLength})`,
      );
    validateSessionProperties(session.systemProperties, session.catalogProperties);
    try {
      parseZone(session.timeZone);
    } catch {
      throw new TrinoError('NOT_SUPPORTED', `Time zone not supported: ${session.timeZone}`);
    }
    if (session.transactionId !== undefined && !this.transactions.has(session.transactionId))
      throw new TrinoError(
        'UNKNOWN_TRANSACTION',
        `Unknown transaction ID: ${session.transactionId}. Possibly expired? Commands ignored until end of transaction block`,
      );
  }

  /** Records transactions a finished query started or ended (START TRANSACTION, COMMIT, ROLLBACK). */
  private noteTransactionEffects(query: ManagedQuery): void {
    if (query.state !== 'FINISHED') return;
    if (query.effects.startedTransactionId) this.transactions.add(query.effects.startedTransactionId);
    if (query.effects.clearTransactionId && query.session.transactionId)
      this.transactions.delete(query.session.transactionId);
  }

  get(queryId: string): ManagedQuery | undefined {
    return this.queries.get(queryId);
  }

  list(): ManagedQuery[] {
    return [...this.queries.values()];
  }

  /** Cancels a query; false when it is unknown. */
  cancel(queryId: string): boolean {
    const q = this.queries.get(queryId);
    if (!q) return false;
    q.cancel();
    return true;
  }

  /** Fails queries whose client stopped polling, and forgets old finished queries. */
  private sweep(): void {
    const now = Date.now();
    for (const q of this.queries.values()) {
      if (q.done) continue;
      if (now - q.stats.lastHeartbeat > this.clientTimeout)
        q.fail(
          new TrinoError(
            'ABANDONED_QUERY',
            `Query ${q.queryId} was abandoned by the client, as it may have exited or stopped checking for query results. ` +
              `Query results have not been accessed since ${new Date(q.stats.lastHeartbeat).toISOString()}: ` +
              `currentTime ${new Date(now).toISOString()}, timeout ${formatDuration(this.clientTimeout)}`,
          ),
        );
    }
    this.trimHistory();
  }

  private trimHistory(): void {
    let finished = 0;
    for (const q of this.queries.values()) if (q.done) finished++;
    for (const [id, q] of this.queries) {
      if (finished <= this.maxHistory) break;
      if (q.done) {
        this.queries.delete(id);
        finished--;
      }
    }
  }

  /** Cancels every running query and stops the sweeper. */
  close(): void {
    clearInterval(this.sweeper);
    for (const q of this.queries.values()) if (!q.done) q.cancel();
  }
}
