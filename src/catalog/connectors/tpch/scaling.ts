/**
 * How many rows a table has at a scale factor, and which of them a split (part k of n) owns.
 *
 * Base tables scale linearly from their SF 1 size, truncated to an integer the way dbgen
 * truncates (`(long) (base * scaleFactor)`). A split owns an equal share, the last one also
 * the remainder. Lineitem has no base of its own: its splits follow the orders they belong to.
 */

export const SUPPLIER_SCALE_BASE = 10_000;
export const CUSTOMER_SCALE_BASE = 150_000;
export const PART_SCALE_BASE = 200_000;
export const ORDERS_SCALE_BASE = 1_500_000;
export const SUPPLIERS_PER_PART = 4;

/** Rows of a scaled table at `scaleFactor`. */
export function scaledTotal(scaleBase: number, scaleFactor: number): number {
  return Math.trunc(scaleBase * scaleFactor);
}

/** First row (0-based) of part `part` of `partCount`. */
export function partStartIndex(
  scaleBase: number,
  scaleFactor: number,
  part: number,
  partCount: number,
): number {
  return Math.floor(scaledTotal(scaleBase, scaleFactor) / partCount) * (part - 1);
}

/** Rows in part `part` of `partCount`; the last part takes the remainder. */
export function partRowCount(
  scaleBase: number,
  scaleFactor: number,
  part: number,
  partCount: number,
): number {
  const total = scaledTotal(scaleBase, scaleFactor);
  const rows = Math.floor(total / partCount);
  return part === partCount ? rows + (total % partCount) : rows;
}

export function checkPart(scaleFactor: number, part: number, partCount: number): void {
  if (!(scaleFactor > 0) || !Number.isFinite(scaleFactor)) {
    throw new RangeError(`TPC-H scale factor must be a positive number, got ${scaleFactor}`);
  }
  if (!Number.isInteger(part) || !Number.isInteger(partCount) || part < 1 || part > partCount) {
    throw new RangeError(`TPC-H part must be an integer in 1..partCount, got ${part} of ${partCount}`);
  }
}
