/**
 * ExchangeClient: pulls pages from the output buffers of upstream tasks (one location per
 * upstream buffer, `{taskUri}/results/{bufferId}`) over the results pull protocol, and hands them
 * to one consumer in arrival order across locations.
 *
 * Exactly-once delivery: a location's token advances only after a complete, valid response is in
 * hand; a failed or cut-off fetch is retried at the *same* token, and the server returns the same
 * pages again (they are acknowledged only by a later token). A response that starts at another
 * token than asked, or comes from a restarted task (new X-Trino-Task-Instance-Id), fails the
 * exchange instead of risking a lost or repeated page. Errors are retried with backoff until
 * `maxErrorDurationMs` passes without success (Trino's exchange.max-error-duration).
 * Backpressure: no new fetch starts while `maxBufferedBytes` of received pages wait for the
 * consumer.
 */
import type { Page } from '../execution/page';
import { TrinoError } from '../errors';
import { type SerializedPage, deserializePage, unframePages } from './page-codec';
import { TRINO_HEADERS } from './results-routes';

/** `fetch` as the node's internal HTTP client provides it (adds the internal bearer token). */
export type InternalFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ExchangeClientOptions {
  readonly fetch?: InternalFetch;
  /** X-Trino-Max-Size of each request (default 16MB). */
  readonly maxResponseBytes?: number;
  /** X-Trino-Max-Wait of each request: how long the server holds an empty read (default 1s). */
  readonly maxWaitMs?: number;
  /** Received bytes waiting for the consumer beyond which fetching pauses (default 32MB). */
  readonly maxBufferedBytes?: number;
  /** Failing for this long without a success fails the exchange (default 60s). */
  readonly maxErrorDurationMs?: number;
  /** First retry delay; doubles up to 2s (default 50ms). */
  readonly retryDelayMs?: number;
}

interface LocationState {
  readonly uri: string;
  token: number;
  instanceId: string | undefined;
  done: boolean;
}

export interface ExchangeClientStatus {
  readonly locations: number;
  readonly finishedLocations: number;
  readonly bufferedBytes: number;
  readonly pagesReceived: number;
  readonly requests: number;
  readonly failedRequests: number;
}

export class ExchangeClient {
  private readonly fetchFn: InternalFetch;
  private readonly maxResponseBytes: number;
  private readonly maxWaitMs: number;
  private readonly maxBufferedBytes: number;
  private readonly maxErrorDurationMs: number;
  private readonly retryDelayMs: number;
  private readonly locations = new Map<string, LocationState>();
  private readonly queue: SerializedPage[] = [];
  private queueHead = 0;
  private buffered = 0;
  private noMoreLocationsSet = false;
  private failure: Error | undefined;
  private closed = false;
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];
  private stats = { pagesReceived: 0, requests: 0, failedRequests: 0 };

  constructor(options: ExchangeClientOptions = {}) {
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    this.maxResponseBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 32 * 1024 * 1024;
    this.maxErrorDurationMs = options.maxErrorDurationMs ?? 60_000;
    this.retryDelayMs = options.retryDelayMs ?? 50;
  }

  /** Starts pulling from an upstream buffer (`{taskUri}/results/{bufferId}`); duplicates are ignored. */
  addLocation(uri: string): void {
    if (this.noMoreLocationsSet) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'No more locations allowed');
    if (this.locations.has(uri) || this.closed) return;
    const state: LocationState = {
      uri: uri.replace(/\/+$/, ''),
      token: 0,
      instanceId: undefined,
      done: false,
    };
    this.locations.set(uri, state);
    void this.pull(state);
  }

  noMoreLocations(): void {
    this.noMoreLocationsSet = true;
    this.wake();
  }

  status(): ExchangeClientStatus {
    let finished = 0;
    for (const l of this.locations.values()) if (l.done) finished++;
    return {
      locations: this.locations.size,
      finishedLocations: finished,
      bufferedBytes: this.buffered,
      ...this.stats,
    };
  }

  /** True once every location is drained and no more will be added. */
  get isFinished(): boolean {
    return this.noMoreLocationsSet && this.queueHead === this.queue.length && this.allLocationsDone();
  }

  /** The next serialized page, or undefined when the exchange is finished. Throws on failure. */
  async nextSerialized(): Promise<SerializedPage | undefined> {
    while (true) {
      if (this.failure) throw this.failure;
      if (this.queueHead < this.queue.length) {
        const page = this.queue[this.queueHead];
        this.queue[this.queueHead++] = undefined as unknown as SerializedPage;
        if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
          this.queue.splice(0, this.queueHead);
          this.queueHead = 0;
        }
        this.buffered -= page.bytes.byteLength;
        this.wake();
        return page;
      }
      if (this.isFinished || this.closed) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async *pages(): AsyncGenerator<Page> {
    while (true) {
      const p = await this.nextSerialized();
      if (!p) return;
      yield deserializePage(p.bytes);
    }
  }

  /** The pages, closing the client when the reader stops (early or at the end). */
  async *stream(): AsyncGenerator<Page> {
    try {
      yield* this.pages();
    } finally {
      await this.close();
    }
  }

  /** Stops pulling and asks every unfinished upstream buffer to drop its pages. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.wake();
    await Promise.all([...this.locations.values()].filter((l) => !l.done).map((l) => this.destroyRemote(l)));
  }

  private allLocationsDone(): boolean {
    for (const l of this.locations.values()) if (!l.done) return false;
    return true;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.closed = true;
    this.abort.abort();
    this.wake();
  }

  private async pull(location: LocationState): Promise<void> {
    let errorSince: number | undefined;
    let delay = this.retryDelayMs;
    while (!this.closed && !location.done) {
      while (this.buffered >= this.maxBufferedBytes && !this.closed)
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      if (this.closed) return;
      try {
        await this.fetchOnce(location);
        errorSince = undefined;
        delay = this.retryDelayMs;
      } catch (e) {
        if (this.closed) return;
        if (e instanceof TrinoError) return this.fail(e);
        this.stats.failedRequests++;
        errorSince ??= Date.now();
        if (Date.now() - errorSince >= this.maxErrorDurationMs) {
          return this.fail(
            new TrinoError(
              'PAGE_TRANSPORT_TIMEOUT',
              `Encountered too many errors talking to a worker node: ${location.uri} (${(e as Error).message})`,
              undefined,
              { cause: e },
            ),
          );
        }
        await sleep(delay);
        delay = Math.min(delay * 2, 2000);
      }
    }
  }

  /** One GET at the location's token. Plain Errors are retryable; TrinoErrors are not. */
  private async fetchOnce(location: LocationState): Promise<void> {
    const token = location.token;
    this.stats.requests++;
    const response = await this.fetchFn(`${location.uri}/${token}`, {
      headers: {
        [TRINO_HEADERS.maxSize]: `${this.maxResponseBytes}B`,
        [TRINO_HEADERS.maxWait]: `${this.maxWaitMs}ms`,
      },
      signal: this.abort.signal,
    });
    if (response.status !== 200 && response.status !== 204) {
      const text = await response.text().catch(() => '');
      throw new Error(`HTTP ${response.status} from ${location.uri}/${token}: ${text.slice(0, 200)}`);
    }
    const body = response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : undefined;
    const header = (name: string) => response.headers.get(name);
    const instanceId = header(TRINO_HEADERS.taskInstanceId) ?? undefined;
    if (location.instanceId !== undefined && instanceId !== location.instanceId)
      throw new TrinoError(
        'REMOTE_TASK_MISMATCH',
        `Task instance changed at ${location.uri} (the upstream task restarted)`,
      );
    location.instanceId = instanceId;
    if (header(TRINO_HEADERS.taskFailed) === 'true')
      throw new TrinoError('REMOTE_TASK_ERROR', `Upstream task failed or was aborted: ${location.uri}`);
    const start = Number(header(TRINO_HEADERS.pageToken));
    const next = Number(header(TRINO_HEADERS.pageNextToken));
    if (start !== token || !Number.isSafeInteger(next) || next < start)
      throw new TrinoError(
        'PAGE_TRANSPORT_ERROR',
        `Expected pages from token ${token} at ${location.uri}, got ${start}..${next}`,
      );
    let pages: SerializedPage[] = [];
    try {
      if (body) pages = unframePages(body);
    } catch (e) {
      // a damaged body: ask again at the same token (the pages are still there)
      throw new Error(`Bad page frames from ${location.uri}/${token}: ${(e as Error).message}`, { cause: e });
    }
    if (pages.length !== next - start)
      throw new Error(
        `Response of ${location.uri}/${token} holds ${pages.length} pages, expected ${next - start}`,
      );
    for (const p of pages) {
      this.queue.push(p);
      this.buffered += p.bytes.byteLength;
    }
    this.stats.pagesReceived += pages.length;
    location.token = next;
    if (pages.length > 0) {
      // release the pages upstream now rather than on our next read (fire and forget)
      this.fetchFn(`${location.uri}/${next}/acknowledge`, { signal: this.abort.signal }).then(
        (r) => r.body?.cancel(),
        () => undefined,
      );
    }
    if (header(TRINO_HEADERS.bufferComplete) === 'true') {
      location.done = true;
      await this.destroyRemote(location);
    }
    this.wake();
  }

  private async destroyRemote(location: LocationState): Promise<void> {
    try {
      const r = await this.fetchFn(location.uri, { method: 'DELETE' });
      await r.body?.cancel();
    } catch {
      // the upstream task frees its buffers when it ends anyway
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
