/**
 * A client for one statement over the Trino client protocol (reference/trino-protocol.md §1),
 * playing the part of Trino's StatementClientV1: POST /v1/statement, follow `nextUri` until it is
 * gone, expose each response's stats as it arrives, cancel with DELETE on `nextUri`, and collect
 * the X-Trino-Set-* / Clear-* / Added-Prepare / ... headers as session updates.
 *
 * Why not the `trino-client` npm package: it exposes neither the stats of each poll (the progress
 * line needs them) nor the session-update headers, and its iterator hides the POST response; this
 * is small enough to own.
 */
import {
  emptyUpdates,
  recordUpdates,
  sessionHeaders,
  type ClientSession,
  type SessionUpdates,
} from './client-session';
import type { ClientColumn } from './client-values';
import { parseJson } from './json-parse';

export interface StageStats {
  readonly stageId: string;
  readonly state: string;
  readonly done: boolean;
  readonly nodes: number;
  readonly totalSplits: number;
  readonly queuedSplits: number;
  readonly runningSplits: number;
  readonly completedSplits: number;
  readonly processedRows: number;
  readonly processedBytes: number;
  readonly subStages: readonly StageStats[];
}

export interface StatementStats {
  readonly state: string;
  readonly queued: boolean;
  readonly scheduled: boolean;
  readonly progressPercentage?: number;
  readonly runningPercentage?: number;
  readonly nodes: number;
  readonly totalSplits: number;
  readonly queuedSplits: number;
  readonly runningSplits: number;
  readonly completedSplits: number;
  readonly cpuTimeMillis: number;
  readonly wallTimeMillis: number;
  readonly elapsedTimeMillis: number;
  readonly processedRows: number;
  readonly processedBytes: number;
  readonly peakMemoryBytes: number;
  readonly spilledBytes: number;
  readonly rootStage?: StageStats;
}

export interface QueryError {
  readonly message: string;
  readonly errorCode: number;
  readonly errorName: string;
  readonly errorType: string;
  readonly errorLocation?: { readonly lineNumber: number; readonly columnNumber: number };
}

export interface QueryResults {
  readonly id: string;
  readonly infoUri: string;
  readonly partialCancelUri?: string;
  readonly nextUri?: string;
  readonly columns?: readonly ClientColumn[];
  readonly data?: unknown[][];
  readonly stats: StatementStats;
  readonly error?: QueryError;
  readonly warnings: readonly { readonly message: string }[];
  readonly updateType?: string;
  readonly updateCount?: number;
}

/** A failure of the client or transport (not a query failure, which arrives as `error`). */
export class ClientError extends Error {}

export interface StatementClientOptions {
  /** How long to keep retrying 502/503/504 before giving up (ms; default 2 minutes). */
  readonly requestTimeout?: number;
}

const RETRYABLE = new Set([502, 503, 504]);

export class StatementClient {
  private results: QueryResults;
  private readonly updates: SessionUpdates = emptyUpdates();
  private aborted = false;
  private inFlight: AbortController | undefined;

  private constructor(
    readonly session: ClientSession,
    readonly query: string,
    first: QueryResults,
    private readonly options: StatementClientOptions,
  ) {
    this.results = first;
  }

  /** Submits the statement; the returned client holds the POST's response (state QUEUED). */
  static async submit(
    session: ClientSession,
    query: string,
    options: StatementClientOptions = {},
  ): Promise<StatementClient> {
    const headers = { ...sessionHeaders(session), 'Content-Type': 'text/plain; charset=utf-8' };
    const { results, response } = await request(
      `${session.server}/v1/statement`,
      { method: 'POST', body: query, headers },
      options.requestTimeout,
      undefined,
    );
    const client = new StatementClient(session, query, results, options);
    recordUpdates(response.headers, client.updates);
    return client;
  }

  /** The latest response: its stats, columns, and the rows of its batch (`data`). */
  get current(): QueryResults {
    return this.results;
  }

  /** True while there is a `nextUri` to follow and the client has not been cancelled. */
  get running(): boolean {
    return !this.aborted && this.results.nextUri !== undefined;
  }

  /** True once cancel() was called (Trino's isClientAborted). */
  get clientAborted(): boolean {
    return this.aborted;
  }

  /** Session changes gathered from every response so far; apply them after the statement. */
  get sessionUpdates(): SessionUpdates {
    return this.updates;
  }

  /**
   * Fetches the next response (the server long-polls up to about a second). Returns false when
   * there is nothing more to fetch.
   */
  async advance(): Promise<boolean> {
    const next = this.results.nextUri;
    if (this.aborted || next === undefined) return false;
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const { results, response } = await request(
        next,
        { method: 'GET', headers: { 'X-Trino-User': this.session.user, 'User-Agent': 'tessera-cli' } },
        this.options.requestTimeout,
        controller.signal,
      );
      recordUpdates(response.headers, this.updates);
      this.results = results;
      return true;
    } catch (e) {
      if (this.aborted) return false;
      throw e;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Cancels the query: DELETE on the current nextUri (Trino's close()). Safe to call twice. */
  async cancel(): Promise<void> {
    if (this.aborted) return;
    this.aborted = true;
    const next = this.results.nextUri;
    this.inFlight?.abort();
    if (next === undefined) return;
    try {
      await fetch(next, { method: 'DELETE', headers: { 'X-Trino-User': this.session.user } });
    } catch {
      // the server may already be gone; the query dies with it or by client timeout
    }
  }
}

async function request(
  url: string,
  init: RequestInit,
  timeout = 120_000,
  signal: AbortSignal | undefined,
): Promise<{ results: QueryResults; response: Response }> {
  const deadline = Date.now() + timeout;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, ...(signal ? { signal } : {}) });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ClientError(`Error fetching ${url}: ${(e as Error).message}`);
    }
    const text = await response.text();
    if (RETRYABLE.has(response.status) && Date.now() + attempt * 100 < deadline) {
      await new Promise((r) => setTimeout(r, attempt * 100));
      continue;
    }
    if (response.status === 404 || response.status === 410)
      throw new ClientError(`Query is gone (server restarted?): ${response.status} ${text}`.trim());
    if (response.status !== 200)
      throw new ClientError(
        `Error ${init.method === 'POST' ? 'starting query' : 'fetching next'} at ${url} returned an invalid response: ${response.status} ${text}`.trim(),
      );
    let results: QueryResults;
    try {
      results = parseJson(text) as QueryResults;
    } catch {
      throw new ClientError(`Error fetching ${url}: the response is not JSON`);
    }
    if (typeof results?.id !== 'string' || typeof results.stats?.state !== 'string')
      throw new ClientError(`Error fetching ${url}: the response is not a QueryResults`);
    return { results, response };
  }
}
