/**
 * OutputBuffer: a task's output, held as serialized pages until downstream tasks pull them over
 * the results protocol (results-routes.ts). Trino's three kinds:
 * - PARTITIONED: one client buffer per output partition; the producer says which partition a
 *   page belongs to (partition-function.ts splits pages by hash of channels);
 * - BROADCAST: every page goes to every client buffer; buffers added before `noMoreBuffers`
 *   still receive all pages enqueued so far;
 * - ARBITRARY: pages wait in one shared queue and go to whichever client asks first.
 * Memory is bounded: `enqueue` waits while the retained bytes are at or above
 * `maxBufferedBytes`, so a producer cannot outrun its consumers (backpressure). Retained bytes
 * fall when consumers acknowledge pages.
 */
import { TrinoError } from '../errors';
import { ClientBuffer, type ClientRead, PageReference } from './client-buffer';
import type { SerializedPage } from './page-codec';

export type OutputBufferType = 'PARTITIONED' | 'BROADCAST' | 'ARBITRARY';
export type OutputBufferState =
  'OPEN' | 'NO_MORE_BUFFERS' | 'NO_MORE_PAGES' | 'FINISHED' | 'ABORTED' | 'FAILED';

export interface OutputBufferOptions {
  readonly type: OutputBufferType;
  /** PARTITIONED: the partition count (buffer ids 0..n-1, fixed). Others: initial buffer ids. */
  readonly partitions?: number;
  readonly bufferIds?: readonly number[];
  /** The memory bound; producers wait while retained pages reach it. Default 32MB. */
  readonly maxBufferedBytes?: number;
  /** Changes when the task restarts; consumers treat a change as an error. */
  readonly taskInstanceId?: string;
}

export interface BufferResult extends ClientRead {
  readonly taskInstanceId: string;
  /**
   * The task failed or was aborted: consumers stop and report a failure. An aborted buffer never
   * looks complete, so no consumer takes a cut-off output for the whole of it.
   */
  readonly failed: boolean;
}

const DEFAULT_MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export class OutputBuffer {
  readonly type: OutputBufferType;
  readonly taskInstanceId: string;
  readonly maxBufferedBytes: number;
  private readonly clients = new Map<number, ClientBuffer>();
  /** BROADCAST pages kept for buffers that may still be added (until noMoreBuffers). */
  private readonly broadcastHistory: PageReference[] = [];
  /** ARBITRARY pages not yet taken by any client. */
  private readonly arbitraryQueue: PageReference[] = [];
  private noMoreBuffers: boolean;
  private noMorePages = false;
  private terminal: 'ABORTED' | 'FAILED' | undefined;
  private retained = 0;
  private peak = 0;
  private changeWaiters: Array<() => void> = [];
  private spaceWaiters: Array<() => void> = [];
  private finishedWaiters: Array<() => void> = [];

  constructor(options: OutputBufferOptions) {
    this.type = options.type;
    this.taskInstanceId = options.taskInstanceId ?? cryptoRandomId();
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    const ids =
      options.type === 'PARTITIONED'
        ? Array.from({ length: options.partitions ?? 1 }, (_, i) => i)
        : (options.bufferIds ?? []);
    for (const id of ids) this.clients.set(id, new ClientBuffer(id));
    this.noMoreBuffers = options.type === 'PARTITIONED';
  }

  get state(): OutputBufferState {
    if (this.terminal) return this.terminal;
    if (this.isFinished()) return 'FINISHED';
    if (this.noMorePages) return 'NO_MORE_PAGES';
    return this.noMoreBuffers ? 'NO_MORE_BUFFERS' : 'OPEN';
  }

  /** Bytes of serialized pages held now (each page counted once) and the most ever held. */
  get bufferedBytes(): number {
    return this.retained;
  }
  get peakBufferedBytes(): number {
    return this.peak;
  }

  /** Every consumer has destroyed its buffer and none can appear: producing more is pointless. */
  get allBuffersDestroyed(): boolean {
    if (this.terminal) return true;
    if (!this.noMoreBuffers || this.clients.size === 0) return false;
    for (const client of this.clients.values()) if (!client.isDestroyed) return false;
    return true;
  }

  isFull(): boolean {
    return this.retained >= this.maxBufferedBytes && !this.terminal;
  }

  /** Resolves once the buffer has room (immediately when it has). */
  whenNotFull(): Promise<void> {
    if (!this.isFull()) return Promise.resolve();
    return new Promise((resolve) => this.spaceWaiters.push(resolve));
  }

  /** Adds client buffers (BROADCAST, ARBITRARY); `noMore` closes the set. */
  addBuffers(ids: readonly number[], noMore = false): void {
    if (this.type === 'PARTITIONED') throw new TrinoError('GENERIC_INTERNAL_ERROR', 'Partitions are fixed');
    for (const id of ids) {
      if (this.clients.has(id)) continue;
      if (this.noMoreBuffers)
        throw new TrinoError('GENERIC_INTERNAL_ERROR', `No more buffers can be added (buffer ${id})`);
      const client = new ClientBuffer(id);
      for (const ref of this.broadcastHistory) {
        ref.retain();
        client.add(ref);
      }
      if (this.noMorePages && this.arbitraryQueue.length === 0) client.setNoMorePages();
      this.clients.set(id, client);
    }
    if (noMore) this.setNoMoreBuffers();
  }

  setNoMoreBuffers(): void {
    if (this.noMoreBuffers) return;
    this.noMoreBuffers = true;
    // late joiners can no longer appear: drop the history's own references
    for (const ref of this.broadcastHistory.splice(0)) ref.release();
    this.changed();
  }

  /**
   * Adds pages for a partition (PARTITIONED) or for all/any consumer, after waiting for room:
   * the producer's backpressure point.
   */
  async enqueue(pages: readonly SerializedPage[], partition = 0): Promise<void> {
    await this.whenNotFull();
    this.enqueueNow(pages, partition);
  }

  /** Adds pages without waiting (the caller checked `isFull` or accepts overshoot). */
  enqueueNow(pages: readonly SerializedPage[], partition = 0): void {
    if (this.noMorePages) throw new TrinoError('GENERIC_INTERNAL_ERROR', 'No more pages can be added');
    if (this.terminal) return;
    for (const page of pages) {
      this.retained += page.bytes.byteLength;
      this.peak = Math.max(this.peak, this.retained);
      switch (this.type) {
        case 'PARTITIONED': {
          const client = this.clients.get(partition);
          if (!client) throw new TrinoError('GENERIC_INTERNAL_ERROR', `No partition ${partition}`);
          client.add(this.reference(page, 1));
          break;
        }
        case 'BROADCAST': {
          const keep = this.noMoreBuffers ? 0 : 1;
          if (this.clients.size + keep === 0) {
            // no consumer exists or can appear: the page goes nowhere
            this.free(page.bytes.byteLength);
            break;
          }
          const ref = this.reference(page, this.clients.size + keep);
          if (keep) this.broadcastHistory.push(ref);
          for (const client of this.clients.values()) client.add(ref);
          break;
        }
        case 'ARBITRARY':
          this.arbitraryQueue.push(this.reference(page, 1));
          break;
      }
    }
    this.changed();
  }

  setNoMorePages(): void {
    if (this.noMorePages) return;
    this.noMorePages = true;
    // ARBITRARY clients end only once the shared queue is drained too (feedArbitrary)
    if (this.type !== 'ARBITRARY' || this.arbitraryQueue.length === 0)
      for (const client of this.clients.values()) client.setNoMorePages();
    this.changed();
  }

  /**
   * Pages for `bufferId` from `token` on (acknowledging everything below it), waiting up to
   * `maxWaitMs` for pages to exist.
   */
  async get(bufferId: number, token: number, maxBytes: number, maxWaitMs: number): Promise<BufferResult> {
    const deadline = Date.now() + maxWaitMs;
    while (true) {
      const result = this.tryGet(bufferId, token, maxBytes);
      if (result.pages.length > 0 || result.complete || result.failed || Date.now() >= deadline)
        return result;
      await this.waitForChange(deadline - Date.now());
    }
  }

  private tryGet(bufferId: number, token: number, maxBytes: number): BufferResult {
    const base = { taskInstanceId: this.taskInstanceId, failed: this.terminal !== undefined };
    if (this.terminal) return { ...base, token, nextToken: token, pages: [], complete: false };
    let client = this.clients.get(bufferId);
    if (!client) {
      if (this.type === 'PARTITIONED' || this.noMoreBuffers)
        // a consumer this task never had: nothing will come
        return { ...base, token, nextToken: token, pages: [], complete: true };
      // Trino creates buffers on first read too; the scheduler's addBuffers then finds it present
      this.addBuffers([bufferId]);
      client = this.clients.get(bufferId)!;
    }
    client.acknowledge(token);
    if (this.type === 'ARBITRARY' && token >= client.endSequence) this.feedArbitrary(client, maxBytes);
    const read = client.read(token, maxBytes);
    this.checkFinished();
    return { ...base, ...read };
  }

  /** Moves up to maxBytes of shared ARBITRARY pages into one client's buffer. */
  private feedArbitrary(client: ClientBuffer, maxBytes: number): void {
    let bytes = 0;
    while (this.arbitraryQueue.length > 0) {
      const next = this.arbitraryQueue[0];
      if (bytes > 0 && bytes + next.page.bytes.byteLength > maxBytes) break;
      this.arbitraryQueue.shift();
      client.add(next);
      bytes += next.page.bytes.byteLength;
    }
    if (this.noMorePages && this.arbitraryQueue.length === 0)
      for (const c of this.clients.values()) c.setNoMorePages();
  }

  acknowledge(bufferId: number, token: number): void {
    this.clients.get(bufferId)?.acknowledge(token);
    this.checkFinished();
  }

  /** The consumer is done with this buffer (DELETE .../results/{bufferId}). */
  destroy(bufferId: number): void {
    let client = this.clients.get(bufferId);
    if (!client && this.type !== 'PARTITIONED' && !this.noMoreBuffers) {
      client = new ClientBuffer(bufferId);
      this.clients.set(bufferId, client);
    }
    client?.destroy();
    this.changed();
  }

  /** Drops all pages: the task was cancelled (ABORTED) or failed (FAILED). */
  abort(state: 'ABORTED' | 'FAILED' = 'ABORTED'): void {
    if (this.terminal) return;
    this.terminal = state;
    for (const client of this.clients.values()) client.destroy();
    for (const ref of this.broadcastHistory.splice(0)) ref.release();
    for (const ref of this.arbitraryQueue.splice(0)) ref.release();
    this.changed();
  }

  /** All pages delivered and acknowledged (or the buffer ended otherwise). */
  whenFinished(): Promise<void> {
    if (this.isFinished() || this.terminal) return Promise.resolve();
    return new Promise((resolve) => this.finishedWaiters.push(resolve));
  }

  private isFinished(): boolean {
    if (!this.noMorePages || !this.noMoreBuffers || this.arbitraryQueue.length > 0) return false;
    for (const client of this.clients.values()) if (!client.isFinished) return false;
    return true;
  }

  private reference(page: SerializedPage, count: number): PageReference {
    return new PageReference(page, count, (p) => this.free(p.bytes.byteLength));
  }

  private free(bytes: number): void {
    this.retained -= bytes;
    if (!this.isFull() && this.spaceWaiters.length > 0) for (const w of this.spaceWaiters.splice(0)) w();
  }

  private checkFinished(): void {
    if ((this.isFinished() || this.terminal) && this.finishedWaiters.length > 0)
      for (const w of this.finishedWaiters.splice(0)) w();
  }

  private changed(): void {
    if (this.terminal && this.spaceWaiters.length > 0) for (const w of this.spaceWaiters.splice(0)) w();
    for (const w of this.changeWaiters.splice(0)) w();
    this.checkFinished();
  }

  private waitForChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.changeWaiters.push(done);
    });
  }
}

function cryptoRandomId(): string {
  return globalThis.crypto.randomUUID();
}
