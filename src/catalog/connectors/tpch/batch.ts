/**
 * The columnar output of the generators. A batch holds up to `batchSize` rows, one array per
 * column in table order, so the engine can wrap the arrays as blocks without copying:
 *
 * - identifier and integer columns: Float64Array of the exact integer values;
 * - money columns: Float64Array of exact integer hundredths (901.00 → 90100), so DOUBLE is the
 *   value / 100 and DECIMAL(12,2) is the value itself as the unscaled number;
 * - date columns: Int32Array of days since 1970-01-01;
 * - varchar columns: string[].
 */

export type TpchColumnData = Float64Array | Int32Array | string[];

export interface TpchBatch {
  rowCount: number;
  columns: TpchColumnData[];
}

export const DEFAULT_BATCH_SIZE = 8192;

/**
 * Batches for a table whose row count is known up front: `fill(n)` generates the next `n` rows
 * and returns them as a batch.
 */
export function* fixedBatches(
  rowCount: number,
  batchSize: number,
  fill: (n: number) => TpchBatch,
): Generator<TpchBatch> {
  for (let done = 0; done < rowCount;) {
    const n = Math.min(batchSize, rowCount - done);
    yield fill(n);
    done += n;
  }
}

/** The first `rowCount` rows of full-size column arrays (views, not copies, for typed arrays). */
export function truncateColumns(columns: TpchColumnData[], rowCount: number): TpchColumnData[] {
  return columns.map((column) => {
    if (Array.isArray(column)) {
      column.length = rowCount;
      return column;
    }
    return column.subarray(0, rowCount);
  });
}

export function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`TPC-H batch size must be a positive integer, got ${batchSize}`);
  }
}
