/**
 * Reads one split: the pages it names from this process's store, with the requested columns in
 * the requested order. A column added after a page was written reads as NULL there; a dropped
 * column is never requested. The pages are fixed when the source is created, so a scan sees the
 * table as it was then, whatever DELETE or DROP do meanwhile.
 */
import { unpackBlock } from './packed-strings';
import { ROW_ID_COLUMN_ID, rowId } from './memory-row-ids';
import type {
  ColumnHandle,
  ConnectorPageSource,
  ConnectorPageSourceProvider,
  ConnectorSession,
  Split,
  TableHandle,
} from '../../spi';
import { type Block, booleanBlock, numberBlock, valueBlock } from '../../../execution/block';
import { type Page, slicePage } from '../../../execution/page';
import { MAX_NUMBER_DECIMAL_PRECISION, type SqlType } from '../../../types';
import { TrinoError } from '../../../errors';
import { columnHandle, splitInfo, tableHandle } from './memory-handles';
import { missingData, type MemoryPagesStore, type PageGroup } from './memory-store';

interface ColumnRead {
  readonly id: number;
  readonly type: SqlType;
}

interface Task {
  readonly group: PageGroup;
  readonly page: number;
  /** Rows to take from the start of the page. */
  readonly rows: number;
}

/** A block of `count` NULLs in the form that a column of `type` usually has. */
export function nullBlock(type: SqlType, count: number): Block {
  const mask = new Uint8Array(count).fill(1);
  switch (type.kind) {
    case 'boolean':
      return booleanBlock(new Uint8Array(count), mask);
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
    case 'date':
    case 'interval_year_to_month':
    case 'interval_day_to_second':
      return numberBlock(new Float64Array(count), mask);
    case 'decimal':
      return type.precision <= MAX_NUMBER_DECIMAL_PRECISION
        ? numberBlock(new Float64Array(count), mask)
        : valueBlock(new Array<null>(count).fill(null));
    case 'time':
      return type.precision <= 9
        ? numberBlock(new Float64Array(count), mask)
        : valueBlock(new Array<null>(count).fill(null));
    case 'timestamp':
      return type.precision <= 6
        ? numberBlock(new Float64Array(count), mask)
        : valueBlock(new Array<null>(count).fill(null));
    default:
      return valueBlock(new Array<null>(count).fill(null));
  }
}

class MemoryPageSource implements ConnectorPageSource {
  private next = 0;
  private bytes = 0;

  constructor(
    private tasks: readonly Task[],
    private readonly columns: readonly ColumnRead[],
  ) {}

  get completedBytes(): number {
    return this.bytes;
  }

  async nextPage(): Promise<Page | null> {
    if (this.next >= this.tasks.length) return null;
    const { group, page: index, rows } = this.tasks[this.next++];
    const stored = group.pages[index];
    const blocks: Block[] = [];
    for (const c of this.columns) {
      if (c.id === ROW_ID_COLUMN_ID) {
        const ids = new Array<string>(stored.positionCount);
        for (let r = 0; r < ids.length; r++) ids[r] = rowId(group.id, index, r);
        blocks.push(valueBlock(ids));
        continue;
      }
      const i = group.columnIds.indexOf(c.id);
      if (i < 0) {
        blocks.push(nullBlock(c.type, stored.positionCount));
        this.bytes += stored.positionCount;
      } else {
        blocks.push(unpackBlock(stored.blocks[i]));
        this.bytes += group.blockBytes[index][i];
      }
    }
    const out: Page = { positionCount: stored.positionCount, blocks };
    return rows < stored.positionCount ? slicePage(out, 0, rows) : out;
  }

  async close(): Promise<void> {
    this.tasks = [];
  }
}

export class MemoryPageSourceProvider implements ConnectorPageSourceProvider {
  constructor(private readonly store: MemoryPagesStore) {}

  createPageSource(
    _session: ConnectorSession,
    split: Split,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): ConnectorPageSource {
    const info = splitInfo(split.info);
    const handle = tableHandle(table);
    if (info.tableId !== handle.id) {
      throw new TrinoError(
        'GENERIC_INTERNAL_ERROR',
        `Split of table ${info.tableId} read as table ${handle.id}`,
      );
    }
    if (info.node !== this.store.nodeId) throw missingData();
    const tasks: Task[] = [];
    for (const item of info.items) {
      const group = this.store.group(item.group, info.tableId);
      if (item.to > group.pages.length) {
        throw missingData(
          `Expected to find [${item.to}] pages on a worker, but found [${group.pages.length}].`,
        );
      }
      let budget = item.limit ?? Infinity;
      for (let p = item.from; p < item.to && budget > 0; p++) {
        const rows = Math.min(group.pages[p].positionCount, budget);
        budget -= rows;
        tasks.push({ group, page: p, rows });
      }
    }
    const reads = columns.map((c) => {
      const h = columnHandle(c);
      return { id: h.id, type: h.sqlTypeValue };
    });
    return new MemoryPageSource(tasks, reads);
  }
}
