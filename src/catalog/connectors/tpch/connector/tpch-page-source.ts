/**
 * Page sources of the tpch connector: one split (part k of n) of one table, generated on the fly
 * and handed out as pages holding only the requested columns, in the requested order.
 *
 * The generator's columnar batches become blocks with as little copying as the block forms
 * allow: identifiers, integers and DECIMAL money are already Float64Arrays (wrapped as they are),
 * dates are copied from Int32Array into Float64Array, DOUBLE money is divided by 100 into a new
 * Float64Array, and varchar arrays become value blocks as they are. No loop allocates per row.
 *
 * A table handle that carries a pushed-down constraint (applyFilter: orders.orderstatus,
 * part.type and part.container) drops the rows outside it, as Trino's record cursor does.
 */

import { TrinoError } from '../../../../errors';
import { type Block, numberBlock, takePositions, valueBlock } from '../../../../execution/block';
import { type Page, page } from '../../../../execution/page';
import { DOUBLE, formatType } from '../../../../types';
import type {
  ColumnHandle,
  ConnectorPageSource,
  ConnectorPageSourceProvider,
  ConnectorSession,
  Split,
  TableHandle,
} from '../../../spi';
import { DEFAULT_BATCH_SIZE } from '../batch';
import { TPCH_TABLES, type TpchBatch, type TpchTableName, generateTpch, tpchRowCount } from '../index';
import type { TpchConfig } from './tpch-config';
import { type TpchColumnRef, decodeColumnHandle, decodeSplit, decodeTableHandle } from './tpch-handles';
import { MONEY_DECIMAL_TYPE, ROW_NUMBER_COLUMN, findStandardColumn } from './tpch-tables';

/** How one output block is made from a generator batch. */
type ColumnReader = (batch: TpchBatch) => Block;

const DOUBLE_TYPE_NAME = formatType(DOUBLE);
const DECIMAL_TYPE_NAME = formatType(MONEY_DECIMAL_TYPE);

function generatorIndex(table: TpchTableName, standardName: string): number {
  return TPCH_TABLES[table].columns.findIndex((c) => c.standardName === standardName);
}

function moneyAsDouble(cents: Float64Array): Float64Array {
  const out = new Float64Array(cents.length);
  for (let i = 0; i < cents.length; i++) out[i] = cents[i] / 100;
  return out;
}

/**
 * Trino's `row_number`: the generator's row index. Nation and region count from 0 (it is the
 * key); supplier, customer and part use the key; partsupp repeats its part key for the part's
 * four rows; orders use the 1-based order index and lineitem repeats its order's index.
 */
function rowNumberReader(table: TpchTableName): ColumnReader {
  switch (table) {
    case 'orders':
    case 'lineitem':
      return (batch) => numberBlock(orderIndexes(batch.columns[0] as Float64Array));
    default:
      // the first column is the key (partsupp: the part key)
      return (batch) => numberBlock(batch.columns[0] as Float64Array);
  }
}

/** Inverts the sparse order keys: of each 32 keys the first 8 are used. */
function orderIndexes(orderKeys: Float64Array): Float64Array {
  const out = new Float64Array(orderKeys.length);
  for (let i = 0; i < orderKeys.length; i++) {
    const key = orderKeys[i];
    const low = key % 32;
    out[i] = (key - low) / 4 + low;
  }
  return out;
}

function columnReader(table: TpchTableName, ref: TpchColumnRef): ColumnReader {
  if (ref.column === ROW_NUMBER_COLUMN) return rowNumberReader(table);
  const spec = findStandardColumn(table, ref.column);
  const index = generatorIndex(table, ref.column);
  if (spec === undefined || index < 0)
    throw new TrinoError('GENERIC_INTERNAL_ERROR', `No tpch column ${ref.column} in ${table}`);
  switch (spec.kind) {
    case 'identifier':
    case 'integer':
      return (batch) => numberBlock(batch.columns[index] as Float64Array);
    case 'date':
      return (batch) => numberBlock(new Float64Array(batch.columns[index] as Int32Array));
    case 'varchar':
      return (batch) => valueBlock(batch.columns[index] as string[]);
    case 'money':
      if (ref.type === DECIMAL_TYPE_NAME) return (batch) => numberBlock(batch.columns[index] as Float64Array);
      if (ref.type === DOUBLE_TYPE_NAME)
        return (batch) => numberBlock(moneyAsDouble(batch.columns[index] as Float64Array));
      throw new TrinoError(
        'GENERIC_INTERNAL_ERROR',
        `tpch column ${ref.column} cannot be read as ${ref.type}`,
      );
  }
}

/** Rows of a batch whose restricted columns hold allowed values, or null when all qualify. */
type RowFilter = (batch: TpchBatch) => { positions: Int32Array; count: number } | null;

function rowFilter(
  table: TpchTableName,
  constraint: ReadonlyMap<string, readonly string[]>,
): RowFilter | null {
  const checks = [...constraint].map(([column, values]) => ({
    index: generatorIndex(table, column),
    allowed: new Set(values),
  }));
  if (checks.length === 0) return null;
  return (batch) => {
    const positions = new Int32Array(batch.rowCount);
    let count = 0;
    for (let row = 0; row < batch.rowCount; row++) {
      let keep = true;
      for (let c = 0; c < checks.length && keep; c++) {
        keep = checks[c].allowed.has((batch.columns[checks[c].index] as string[])[row]);
      }
      if (keep) positions[count++] = row;
    }
    return count === batch.rowCount ? null : { positions, count };
  };
}

export class TpchPageSource implements ConnectorPageSource {
  readonly completedBytes = 0;
  private batches: Iterator<TpchBatch> | null;
  /** Rows still to report when no column is read (count(*)): no data is generated then. */
  private countOnlyRows: number;

  constructor(
    private readonly table: TpchTableName,
    scaleFactor: number,
    part: number,
    partCount: number,
    private readonly readers: readonly ColumnReader[],
    private readonly filter: RowFilter | null,
    private readonly batchSize: number,
  ) {
    const countOnly = readers.length === 0 && filter === null;
    this.countOnlyRows = countOnly ? tpchRowCount(table, scaleFactor, part, partCount) : 0;
    this.batches = countOnly ? null : generateTpch(table, scaleFactor, part, partCount, batchSize);
  }

  async nextPage(): Promise<Page | null> {
    if (this.batches === null) {
      if (this.countOnlyRows === 0) return null;
      const rows = Math.min(this.countOnlyRows, this.batchSize);
      this.countOnlyRows -= rows;
      return page([], rows);
    }
    for (;;) {
      const next = this.batches.next();
      if (next.done === true) {
        this.batches = null;
        return null;
      }
      const batch = next.value;
      const selected = this.filter === null ? null : this.filter(batch);
      if (selected !== null && selected.count === 0) continue;
      const blocks = this.readers.map((read) => {
        const block = read(batch);
        return selected === null ? block : takePositions(block, selected.positions, selected.count);
      });
      return page(blocks, selected === null ? batch.rowCount : selected.count);
    }
  }

  async close(): Promise<void> {
    this.batches?.return?.();
    this.batches = null;
    this.countOnlyRows = 0;
  }

  toString(): string {
    return `TpchPageSource(${this.table})`;
  }
}

export class TpchPageSourceProvider implements ConnectorPageSourceProvider {
  private readonly batchSize: number;

  constructor(config: TpchConfig) {
    this.batchSize = Math.min(config.maxRowsPerPage, DEFAULT_BATCH_SIZE);
  }

  createPageSource(
    _session: ConnectorSession,
    split: Split,
    table: TableHandle,
    columns: readonly ColumnHandle[],
  ): ConnectorPageSource {
    const info = decodeSplit(split);
    const handle = decodeTableHandle(table);
    if (info.table !== handle.table || info.scaleFactor !== handle.scaleFactor) {
      throw new TrinoError(
        'GENERIC_INTERNAL_ERROR',
        `tpch split of ${info.table} at SF ${info.scaleFactor} does not belong to ${handle.table} at SF ${handle.scaleFactor}`,
      );
    }
    const readers = columns.map((c) => columnReader(handle.table, decodeColumnHandle(handle.table, c)));
    return new TpchPageSource(
      handle.table,
      handle.scaleFactor,
      info.part,
      info.partCount,
      readers,
      rowFilter(handle.table, handle.constraint),
      this.batchSize,
    );
  }
}
