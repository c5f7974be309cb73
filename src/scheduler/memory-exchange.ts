/**
 * MemoryExchange: the in-process link between the tasks of one fragment (producers) and the
 * tasks of the fragment that reads it (consumers). One bounded page queue per consumer, shared by
 * the producers: a producer's `enqueue` waits while the target queue is full (backpressure, so a
 * fast scan cannot outrun a slow join), and a consumer's stream waits while its queue is empty and
 * some producer is still running. Pages are handed over as they are — no serialization here.
 *
 * A consumer takes pages in arrival order from any producer: reading producers one after another
 * would deadlock bounded queues (a consumer waiting on producer 0 while producer 1, blocked on its
 * full queue, holds back an upstream task producer 0 needs).
 *
 * A consumer that stops reading early (LIMIT) abandons its queue: later pages for it are dropped
 * and `done` tells producers when nobody wants more. `abort` ends everything.
 */
import type { Page } from '../execution/page';
import type { PageStream } from '../execution/operators/page-stream';

/** Pages a consumer's queue holds before producers wait (about 8192 rows each). */
export const DEFAULT_QUEUED_PAGES = 8;

class PageQueue {
  readonly pages: Page[] = [];
  abandoned = false;
  /** The consumer waiting for a page or for the end. */
  reader: (() => void) | undefined;
  /** Producers waiting for room. */
  writers: (() => void)[] = [];

  wakeReader(): void {
    const r = this.reader;
    this.reader = undefined;
    r?.();
  }

  wakeWriters(): void {
    for (const w of this.writers.splice(0)) w();
  }
}

/** What one producer task writes through. */
export interface ExchangeSink {
  /** Adds a page for consumer `partition`, or for every consumer when 'all' (broadcast). */
  enqueue(partition: number | 'all', page: Page): Promise<void>;
  /** True once no consumer reads any more. */
  readonly done: boolean;
  /** The producer has no more pages (call once). */
  finish(): void;
}

export class MemoryExchange {
  private readonly queues: PageQueue[];
  private runningProducers: number;
  private aborted = false;

  constructor(
    readonly consumerCount: number,
    readonly producerCount: number,
    private readonly capacity = DEFAULT_QUEUED_PAGES,
  ) {
    this.queues = Array.from({ length: consumerCount }, () => new PageQueue());
    this.runningProducers = producerCount;
  }

  sink(): ExchangeSink {
    return new ProducerSink(this);
  }

  /** A page for consumer `partition`, or for every consumer ('all'); dropped if it stopped reading. */
  async enqueue(partition: number | 'all', page: Page): Promise<void> {
    if (partition === 'all') {
      for (let c = 0; c < this.consumerCount; c++) await this.enqueue(c, page);
      return;
    }
    const q = this.queues[partition];
    while (!this.aborted && !q.abandoned && q.pages.length >= this.capacity)
      await new Promise<void>((resolve) => q.writers.push(resolve));
    if (this.aborted || q.abandoned) return;
    q.pages.push(page);
    q.wakeReader();
  }

  producerFinished(): void {
    this.runningProducers--;
    if (this.runningProducers === 0) for (const q of this.queues) q.wakeReader();
  }

  /** True once no consumer reads any more (every one finished early, or the query ended). */
  get done(): boolean {
    return this.aborted || this.queues.every((q) => q.abandoned);
  }

  /** Ends the exchange: producers stop, consumers see the end of their streams. */
  abort(): void {
    this.aborted = true;
    for (const q of this.queues) {
      q.pages.length = 0;
      q.wakeReader();
      q.wakeWriters();
    }
  }

  /** Consumer `partition`'s pages, until every producer has finished. */
  async *consume(partition: number): PageStream {
    const q = this.queues[partition];
    try {
      for (;;) {
        if (this.aborted) return;
        const page = q.pages.shift();
        if (page !== undefined) {
          q.wakeWriters();
          yield page;
          continue;
        }
        if (this.runningProducers === 0) return;
        await new Promise<void>((resolve) => (q.reader = resolve));
      }
    } finally {
      this.abandon(partition);
    }
  }

  /**
   * Consumer `partition` reads no more: its pages are dropped. Also for a task that ended without
   * reading this input at all (an EXISTS satisfied early, an empty probe side).
   */
  abandon(partition: number): void {
    const q = this.queues[partition];
    q.abandoned = true;
    q.pages.length = 0;
    q.wakeWriters();
  }
}

class ProducerSink implements ExchangeSink {
  private finished = false;

  constructor(private readonly exchange: MemoryExchange) {}

  enqueue(partition: number | 'all', page: Page): Promise<void> {
    return this.exchange.enqueue(partition, page);
  }

  get done(): boolean {
    return this.exchange.done;
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.exchange.producerFinished();
  }
}
