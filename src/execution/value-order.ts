/**
 * Ordering of canonical values for ORDER BY, min/max and sort-based operators, with NULL placement
 * and Trino's rule that NaN sorts above every other double/real.
 */
import { TrinoError } from '../errors';
import { formatType, type SqlType } from '../types';
import { compareStrings } from './kernels';

export type ValueComparator = (a: unknown, b: unknown) => number;

/** Compares two non-null values of a type. */
export function valueComparator(t: SqlType): ValueComparator {
  switch (t.kind) {
    case 'varchar':
    case 'char':
      return compareStrings as ValueComparator;
    case 'double':
    case 'real':
      return (a, b) => {
        const x = a as number;
        const y = b as number;
        if (x < y) return -1;
        if (x > y) return 1;
        if (x === y) return 0;
        return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      };
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'decimal':
    case 'date':
    case 'time':
    case 'interval_year_to_month':
    case 'interval_day_to_second':
      return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
    case 'timestamp':
      if (t.precision <= 6)
        return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
      break;
    case 'unknown':
      return () => 0;
  }
  throw new TrinoError('NOT_SUPPORTED', `Ordering of ${formatType(t)} values is not supported yet`);
}

/** A comparator for a sort key: direction and NULL placement applied. */
export function sortKeyComparator(t: SqlType, ascending: boolean, nullsFirst: boolean): ValueComparator {
  const compare = valueComparator(t);
  return (a, b) => {
    if (a === null || b === null) {
      if (a === b) return 0;
      return (a === null) === nullsFirst ? -1 : 1;
    }
    const c = compare(a, b);
    return ascending ? c : -c;
  };
}
