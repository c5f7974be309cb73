/**
 * How SQL values are represented in JavaScript. Every layer that touches a value (the expression
 * compiler, operators, connectors, page serialization, the protocol encoders) follows this table.
 * It is chosen so that every value is *exact* (DESIGN.md, "Data in memory") while the common
 * cases stay plain JS numbers that live happily in Float64Array blocks.
 *
 * | SQL type                     | JS value                                                                 |
 * |------------------------------|--------------------------------------------------------------------------|
 * | NULL (of any type)           | `null`                                                                   |
 * | boolean                      | `boolean`                                                                |
 * | tinyint, smallint, integer   | `number` (an integer in the type's range)                                |
 * | bigint                       | `Int64`: `number` when a safe integer (abs <= 2^53-1), else `bigint`     |
 * | real                         | `number`, always `Math.fround`-ed (NaN, ±Infinity and -0 allowed)        |
 * | double                       | `number`                                                                 |
 * | decimal(p,s), p <= 15        | `number`: the unscaled integer (decimal(4,2) 12.34 is `1234`)            |
 * | decimal(p,s), p > 15         | `bigint`: the unscaled integer, always bigint (decimal(38,2) 1.50 is 150n)|
 * | varchar(n), varchar          | `string`                                                                 |
 * | char(n)                      | `string` without trailing spaces (Trino's internal form); it is padded   |
 * |                              | to n spaces only when cast to varchar / printed (see `padChar`)          |
 * | varbinary                    | `Uint8Array`                                                             |
 * | date                         | `number`: days since 1970-01-01 (int32, proleptic Gregorian)             |
 * | time(p), p <= 9              | `number`: nanoseconds of the day, 0 <= v < 86_400e9                      |
 * | time(p), p > 9               | `bigint`: picoseconds of the day, 0 <= v < 86_400e12                     |
 * | time(p) with time zone       | `{ time, offsetMinutes }`: `time` as for time(p); offset -840..840       |
 * | timestamp(p), p <= 6         | `Int64`: microseconds since the epoch (Trino's short timestamp)          |
 * | timestamp(p), p > 6          | `{ epochMicros: Int64, picosOfMicro: number (0..999_999) }`              |
 * | timestamp(p) with time zone  | `{ epochMillis: number, picosOfMilli: number (0..999_999_999),           |
 * |                              |    timeZone: string }` — the instant plus Trino's zone key id            |
 * |                              |    (`UTC`, `America/New_York`, `+05:30`); picosOfMilli is 0 for p <= 3   |
 * | interval year to month       | `number`: months (int32)                                                 |
 * | interval day to second       | `Int64`: milliseconds                                                    |
 * | array(T)                     | `unknown[]` of T values                                                  |
 * | map(K, V)                    | `MapValue` = `Array<[K, V]>`: entries in insertion order, keys distinct  |
 * | row(...)                     | `unknown[]`: field values by position                                    |
 * | json                         | `string`: the JSON text (compact, as Trino's json_parse leaves it)       |
 * | uuid                         | `string`: lower-case canonical `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`    |
 * | unknown                      | always `null`                                                            |
 *
 * Why these choices:
 * - `Int64` (bigint, short timestamps, day-second intervals) is Trino's Java `long`. Nearly every
 *   real value is a safe integer, so it stays a float64; the rare value beyond ±2^53 switches to a
 *   JS bigint. The form is *normalized* — a safe integer is never a bigint — so `===` works between
 *   two normalized Int64 values and `typeof v === 'number'` is the fast-path test.
 * - decimal switches on the *type's* precision, not the value: decimal(15,s) values are below 10^15
 *   < 2^53, so a number is exact; wider decimals are bigint as canonical values. Execution keeps
 *   them cheaper without changing that: a block holds them in a Float64Array while every unscaled
 *   value is a safe integer (`bigintValues` in execution/block.ts; `valueAt` returns the bigint),
 *   and generated code holds them as number-or-bigint (execution/long-decimal.ts).
 * - time: Trino stores picoseconds of day in a long for every precision, but 86_400e12 > 2^53.
 *   Nanoseconds of day fit a float64 exactly (< 8.64e13), which covers p <= 9; only p 10..12 need
 *   picoseconds, and those are bigint. Which form a value has is again fixed by the type.
 * - timestamp(p > 6) keeps the exact micro part separate from the sub-micro picoseconds (Trino's
 *   LongTimestamp). timestamp with time zone keeps millis + picos-of-milli + zone (Trino's
 *   LongTimestampWithTimeZone); epoch millis are always safe integers in Trino's range (±2^51).
 * - char keeps Trino's internal "trailing spaces removed" form so that comparisons are plain string
 *   comparisons (char semantics ignore trailing spaces).
 * - map as an entry array keeps key order and allows any key type (JS `Map` would compare keys by
 *   identity, which is wrong for bigint-vs-number, decimals, arrays or rows).
 */

export type Int64 = number | bigint;

export const MAX_SAFE = Number.MAX_SAFE_INTEGER;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** An Int64 in normal form: a number when |v| <= 2^53-1, else a bigint. Does not range-check. */
export function normalizeInt64(v: bigint | number): Int64 {
  if (typeof v === 'number') return v;
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** True when `v` lies within Java's long range. */
export function fitsInt64(v: bigint): boolean {
  return v >= INT64_MIN && v <= INT64_MAX;
}

export function toBigInt(v: Int64): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** A timestamp(p) value for p > 6 (Trino's LongTimestamp). */
export interface LongTimestamp {
  readonly epochMicros: Int64;
  /** 0..999_999 */
  readonly picosOfMicro: number;
}

/** A timestamp(p) with time zone value, any p. */
export interface TimestampWithTimeZone {
  readonly epochMillis: number;
  /** 0..999_999_999 */
  readonly picosOfMilli: number;
  /** Trino's zone key id: `UTC`, an IANA id such as `America/New_York`, or an offset `+05:30`. */
  readonly timeZone: string;
}

/** A time(p) with time zone value. */
export interface TimeWithTimeZone {
  /** Nanoseconds of day (number) for p <= 9, picoseconds of day (bigint) for p > 9. */
  readonly time: number | bigint;
  /** Offset from UTC in minutes, -840..840. */
  readonly offsetMinutes: number;
}

/** A map value: key/value entries in order. */
export type MapValue = Array<[unknown, unknown]>;

/** A decimal value: the unscaled integer (see the table above for when it is a bigint). */
export type DecimalValue = number | bigint;

/** Right-pads a char(n) value (stored without trailing spaces) to n code points. */
export function padChar(value: string, length: number): string {
  const cps = codePointLength(value);
  return cps >= length ? value : value + ' '.repeat(length - cps);
}

/** Removes trailing spaces: the stored form of a char value. */
export function trimTrailingSpaces(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return end === value.length ? value : value.slice(0, end);
}

/** Length in Unicode code points (Trino measures varchar/char lengths in code points). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The first `n` code points of `s`. */
export function truncateCodePoints(s: string, n: number): string {
  if (s.length <= n) return s;
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}
