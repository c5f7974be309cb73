/**
 * The TPC-H data generator behind the `tpch` connector: every table at any scale factor, row
 * for row what TPC-H dbgen and Trino's tpch connector (io.trino.tpch) produce, in columnar
 * batches, and split into parts the way Trino splits it.
 *
 * This module owns only data generation. It knows nothing of the engine: metadata wiring, SQL
 * types (DOUBLE vs DECIMAL(12,2)) and pages are the connector's business.
 */

import { DEFAULT_BATCH_SIZE, type TpchBatch, checkBatchSize } from './batch';
import { type TpchTableName, TPCH_TABLES } from './columns';
import { checkPart } from './scaling';
import { customerRowCount, generateCustomer } from './tables/customer';
import { generateLineitem, lineitemRowCount } from './tables/lineitem';
import { generateNation, nationRowCount } from './tables/nation';
import { generateOrders, ordersRowCount } from './tables/orders';
import { generatePart, partTableRowCount } from './tables/part';
import { generatePartSupp, partSuppRowCount } from './tables/partsupp';
import { generateRegion, regionRowCount } from './tables/region';
import { generateSupplier, supplierRowCount } from './tables/supplier';

export { TPCH_TABLES, TPCH_TABLE_NAMES } from './columns';
export type { TpchColumn, TpchColumnKind, TpchTableName } from './columns';
export type { TpchBatch, TpchColumnData } from './batch';
export { TextPool } from './text-pool';

function checkTable(table: string): asserts table is TpchTableName {
  if (!Object.prototype.hasOwnProperty.call(TPCH_TABLES, table))
    throw new RangeError(`unknown TPC-H table ${table}`);
}

/**
 * Rows of `table` in part `part` of `partCount` at `scaleFactor` (the whole table by default).
 *
 * Exact for every table. For lineitem, whose splits follow the orders, this draws the line
 * count of each order in the part (about 10 ns per order, no text pool), so it costs O(orders);
 * the statistics files give whole-table counts for free where they exist.
 * Nation and region are not split: part 1 has all rows, other parts none (as in Trino).
 */
export function tpchRowCount(table: TpchTableName, scaleFactor: number, part = 1, partCount = 1): number {
  checkTable(table);
  checkPart(scaleFactor, part, partCount);
  switch (table) {
    case 'region':
      return regionRowCount(part);
    case 'nation':
      return nationRowCount(part);
    case 'supplier':
      return supplierRowCount(scaleFactor, part, partCount);
    case 'customer':
      return customerRowCount(scaleFactor, part, partCount);
    case 'part':
      return partTableRowCount(scaleFactor, part, partCount);
    case 'partsupp':
      return partSuppRowCount(scaleFactor, part, partCount);
    case 'orders':
      return ordersRowCount(scaleFactor, part, partCount);
    case 'lineitem':
      return lineitemRowCount(scaleFactor, part, partCount);
  }
}

/**
 * Generates part `part` of `partCount` of `table` at `scaleFactor` as batches of at most
 * `batchSize` rows, columns in `TPCH_TABLES[table].columns` order. Concatenating parts
 * 1..partCount gives the whole table. The first call in a process builds the 300 MiB text pool
 * (a few seconds); later calls reuse it.
 */
export function* generateTpch(
  table: TpchTableName,
  scaleFactor: number,
  part = 1,
  partCount = 1,
  batchSize = DEFAULT_BATCH_SIZE,
): Generator<TpchBatch> {
  checkTable(table);
  checkPart(scaleFactor, part, partCount);
  checkBatchSize(batchSize);
  switch (table) {
    case 'region':
      return yield* generateRegion(part, batchSize);
    case 'nation':
      return yield* generateNation(part, batchSize);
    case 'supplier':
      return yield* generateSupplier(scaleFactor, part, partCount, batchSize);
    case 'customer':
      return yield* generateCustomer(scaleFactor, part, partCount, batchSize);
    case 'part':
      return yield* generatePart(scaleFactor, part, partCount, batchSize);
    case 'partsupp':
      return yield* generatePartSupp(scaleFactor, part, partCount, batchSize);
    case 'orders':
      return yield* generateOrders(scaleFactor, part, partCount, batchSize);
    case 'lineitem':
      return yield* generateLineitem(scaleFactor, part, partCount, batchSize);
  }
}
