/**
 * Evaluates TupleDomains (spi.ts) against stored pages, for DELETE.
 *
 * A Domain admits NULL when `nullAllowed`; it admits a non-null value when `ranges` is undefined
 * (every value) or when some range contains it. A range's missing bound is unbounded. As in
 * Trino, NaN lies in no bounded range (`x > 1.0` and `x = nan()` are both false for NaN) but
 * does belong to the all-values range. Types that are not orderable (map, json) accept only
 * single-value ranges, which test equality.
 */
import { type Block, valueAt } from '../../../execution/block';
import type { Domain, Range } from '../../spi';
import { isOrderableType } from '../../../types';
import { TrinoError } from '../../../errors';
import { compareValues } from './value-compare';

export type ValuePredicate = (value: unknown) => boolean;

function isPointRange(r: Range): boolean {
  return r.low !== undefined && r.high !== undefined && r.low.inclusive && r.high.inclusive;
}

/** A test for non-null values of the domain's type. */
function rangesPredicate(domain: Domain): ValuePredicate {
  const ranges = domain.ranges;
  if (ranges === undefined) return () => true;
  if (ranges.length === 0) return () => false;
  const type = domain.type;
  if (!isOrderableType(type)) {
    for (const r of ranges) {
      if (!isPointRange(r) || compareValues(type, r.low!.value, r.high!.value) !== 0) {
        throw new TrinoError('NOT_SUPPORTED', `Ranges over values of a type that is not orderable`);
      }
    }
  }
  const contains = (r: Range, v: unknown): boolean => {
    if (r.low !== undefined) {
      const c = compareValues(type, v, r.low.value);
      if (c < 0 || (c === 0 && !r.low.inclusive)) return false;
    }
    if (r.high !== undefined) {
      const c = compareValues(type, v, r.high.value);
      if (c > 0 || (c === 0 && !r.high.inclusive)) return false;
    }
    return true;
  };
  return (v) => {
    if (typeof v === 'number' && Number.isNaN(v)) {
      return ranges.some((r) => r.low === undefined && r.high === undefined);
    }
    for (let i = 0; i < ranges.length; i++) if (contains(ranges[i], v)) return true;
    return false;
  };
}

/** A test for any value of the domain's type, NULL included. */
export function domainPredicate(domain: Domain): ValuePredicate {
  const nonNull = rangesPredicate(domain);
  const nullAllowed = domain.nullAllowed;
  return (v) => (v === null ? nullAllowed : nonNull(v));
}

/**
 * Clears `matches[i]` for every position whose value the predicate rejects; a column that a
 * page does not have (added after it was written) reads as NULL, so pass `block` undefined.
 */
export function narrowMatches(
  matches: Uint8Array,
  block: Block | undefined,
  predicate: ValuePredicate,
): void {
  if (block === undefined) {
    if (!predicate(null)) matches.fill(0);
    return;
  }
  for (let i = 0; i < matches.length; i++) {
    if (matches[i] !== 0 && !predicate(valueAt(block, i))) matches[i] = 0;
  }
}
