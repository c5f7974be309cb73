/**
 * Comparison of canonical values (src/types/values.ts) of one SQL type, for evaluating
 * TupleDomain ranges. src/types has no general comparator, so this is the memory connector's own,
 * following Trino's type semantics:
 * - integers, decimals, dates, times, intervals and short timestamps compare as exact integers,
 *   whether a value is a JS number or a bigint (Int64 beyond 2^53, decimal(p > 15));
 * - real and double compare numerically (0 = -0); NaN is handled by the caller, since no bounded
 *   range contains it;
 * - varchar, char, json and uuid compare by Unicode code point (Trino's UTF-8 byte order), not
 *   by UTF-16 unit;
 * - varbinary compares bytes unsigned; timestamps with time zone compare the instant (the zone
 *   does not matter); times with time zone compare the UTC time;
 * - arrays and rows compare element by element (NULL elements first); maps only test equality.
 */
import type { SqlType } from '../../../types';

function sign(c: number): -1 | 0 | 1 {
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/**
 * Numbers and bigints as exact values: JavaScript's relational operators compare a bigint with a
 * number mathematically, without rounding either. NaN compares equal to everything here.
 */
export function compareNumeric(a: number | bigint, b: number | bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code point order: UTF-16 order except that surrogate pairs sort above U+E000..U+FFFF. */
export function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only when one unit is a surrogate and the other is at or above U+E000 does code-unit order
    // disagree with code-point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y >= 0xe000 : x >= 0xe000)) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return sign(a.length - b.length);
}

export function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return sign(a.length - b.length);
}

interface TimeTz {
  readonly time: number | bigint;
  readonly offsetMinutes: number;
}

function utcTime(v: TimeTz, picos: boolean): number | bigint {
  if (typeof v.time === 'bigint') return v.time - BigInt(v.offsetMinutes) * 60_000_000_000_000n;
  return v.time - v.offsetMinutes * (picos ? 60e12 : 60e9);
}

/** -1, 0 or 1 for two non-null values of `type`. */
export function compareValues(type: SqlType, a: unknown, b: unknown): -1 | 0 | 1 {
  switch (type.kind) {
    case 'boolean':
      return sign(Number(a) - Number(b));
    case 'varchar':
    case 'char':
    case 'json':
    case 'ipaddress':
    case 'uuid':
      return compareStrings(a as string, b as string);
    case 'varbinary':
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 'timestamp': {
      if (typeof a !== 'object') return compareNumeric(a as number | bigint, b as number | bigint);
      const x = a as { epochMicros: number | bigint; picosOfMicro: number };
      const y = b as { epochMicros: number | bigint; picosOfMicro: number };
      return compareNumeric(x.epochMicros, y.epochMicros) || sign(x.picosOfMicro - y.picosOfMicro);
    }
    case 'timestamp_tz': {
      const x = a as { epochMillis: number; picosOfMilli: number };
      const y = b as { epochMillis: number; picosOfMilli: number };
      return sign(x.epochMillis - y.epochMillis) || sign(x.picosOfMilli - y.picosOfMilli);
    }
    case 'time_tz':
      return compareNumeric(
        utcTime(a as TimeTz, type.precision > 9),
        utcTime(b as TimeTz, type.precision > 9),
      );
    case 'array': {
      const x = a as readonly unknown[];
      const y = b as readonly unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareNullable(type.element, x[i], y[i]);
        if (c !== 0) return c;
      }
      return sign(x.length - y.length);
    }
    case 'row': {
      const x = a as readonly unknown[];
      const y = b as readonly unknown[];
      for (let i = 0; i < type.fields.length; i++) {
        const c = compareNullable(type.fields[i].type, x[i], y[i]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'map':
      return mapsEqual(type, a as readonly [unknown, unknown][], b as readonly [unknown, unknown][]) ? 0 : 1;
    default:
      return compareNumeric(a as number | bigint, b as number | bigint);
  }
}

function compareNullable(type: SqlType, a: unknown, b: unknown): -1 | 0 | 1 {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareValues(type, a, b);
}

function mapsEqual(
  type: Extract<SqlType, { kind: 'map' }>,
  a: readonly [unknown, unknown][],
  b: readonly [unknown, unknown][],
): boolean {
  if (a.length !== b.length) return false;
  outer: for (const [k, v] of a) {
    for (const [k2, v2] of b) {
      if (compareValues(type.key, k, k2) === 0) {
        if (compareNullable(type.value, v, v2) !== 0) return false;
        continue outer;
      }
    }
    return false;
  }
  return true;
}
