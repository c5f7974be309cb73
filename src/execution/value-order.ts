/**
 * Sort-key ordering for ORDER BY, window and top-N operators: the type's value ordering from the
 * function library (NaN last, as Trino orders doubles) with direction and NULL placement applied.
 */
import type { SqlType } from '../types';
import { comparatorFor, type Comparator } from '../functions/values-compare';

export type ValueComparator = Comparator;

/** Compares two non-null values of a type (NaN sorts above every other double). */
export function valueComparator(t: SqlType): ValueComparator {
  return comparatorFor(t);
}

/** A comparator for a sort key: direction and NULL placement applied. */
export function sortKeyComparator(t: SqlType, ascending: boolean, nullsFirst: boolean): ValueComparator {
  const compare = comparatorFor(t);
  return (a, b) => {
    if (a === null || b === null) {
      if (a === b) return 0;
      return (a === null) === nullsFirst ? -1 : 1;
    }
    const c = compare(a, b);
    return ascending ? c : -c;
  };
}
