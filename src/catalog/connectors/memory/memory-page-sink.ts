/**
 * Writes of one insert on one node. Appended pages are only buffered; `finish` stores them as one
 * group in this process's store (checking `memory.max-data-per-node`) and returns the fragment
 * that finishInsert commits, which is when the rows become visible. `abort` discards everything.
 *
 * The limit is checked as pages arrive too (store + buffered bytes), so an insert that cannot fit
 * fails early instead of after buffering everything.
 */
import type {
  ConnectorPageSink,
  ConnectorPageSinkProvider,
  ConnectorSession,
  InsertHandle,
  JsonValue,
} from '../../spi';
import type { Page } from '../../../execution/page';
import { TrinoError } from '../../../errors';
import { insertHandle, type MemoryInsertHandle } from './memory-handles';
import type { MemoryPagesStore } from './memory-store';
import { estimatePageBytes } from './page-size';

class MemoryPageSink implements ConnectorPageSink {
  private pages: Page[] = [];
  private bufferedBytes = 0;
  private state: 'open' | 'finished' | 'aborted' = 'open';
  private storedGroup: number | undefined;

  constructor(
    private readonly store: MemoryPagesStore,
    private readonly handle: MemoryInsertHandle,
  ) {}

  private checkOpen(): void {
    if (this.state !== 'open')
      throw new TrinoError('GENERIC_INTERNAL_ERROR', `Page sink is already ${this.state}`);
  }

  async appendPage(page: Page): Promise<void> {
    this.checkOpen();
    if (page.blocks.length !== this.handle.columnIds.length) {
      throw new TrinoError(
        'GENERIC_INTERNAL_ERROR',
        `Page has ${page.blocks.length} blocks, the insert writes ${this.handle.columnIds.length} columns`,
      );
    }
    if (page.positionCount === 0) return;
    const bytes = estimatePageBytes(page);
    try {
      this.store.checkCapacity(this.bufferedBytes + bytes);
    } catch (e) {
      this.discard();
      throw e;
    }
    this.pages.push(page);
    this.bufferedBytes += bytes;
  }

  async finish(): Promise<JsonValue[]> {
    this.checkOpen();
    const pages = this.pages;
    this.discard();
    this.state = 'finished';
    if (pages.length === 0) return [];
    const fragment = this.store.store(this.handle.tableId, this.handle.writeId, this.handle.columnIds, pages);
    this.storedGroup = fragment.group;
    return [fragment];
  }

  async abort(): Promise<void> {
    this.discard();
    if (this.storedGroup !== undefined) this.store.release(this.storedGroup);
    this.storedGroup = undefined;
    this.state = 'aborted';
  }

  private discard(): void {
    this.pages = [];
    this.bufferedBytes = 0;
  }
}

export class MemoryPageSinkProvider implements ConnectorPageSinkProvider {
  constructor(private readonly store: MemoryPagesStore) {}

  createPageSink(_session: ConnectorSession, handle: InsertHandle): ConnectorPageSink {
    const h = insertHandle(handle);
    // Reclaim what dropped, truncated and abandoned writes left on this node before storing more.
    this.store.cleanUp(h.live, h.writeId);
    return new MemoryPageSink(this.store, h);
  }
}
