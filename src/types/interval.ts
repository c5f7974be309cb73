/**
 * INTERVAL literals and interval printing (Trino's DateTimeUtils.parseYearMonthInterval /
 * parseDayTimeInterval and IntervalYearMonth / IntervalDayTime formatting).
 *
 *   INTERVAL '1-2' YEAR TO MONTH        → 14 months, printed `1-2`
 *   INTERVAL '3 04:05:06.789' DAY TO SECOND → 273906789 ms, printed `3 04:05:06.789`
 *   INTERVAL '5' DAY                    → 432000000 ms, printed `5 00:00:00.000`
 *
 * The text may be shortened from the right (`'3 04'` DAY TO SECOND is 3 days 4 hours), may start
 * with `-`, and field values are not range-checked (`'0 25:00'` DAY TO MINUTE is 25 hours), as in
 * Trino. Seconds take an optional `.` (or `,`) fraction, truncated to milliseconds.
 */

import { TrinoError } from '../errors';
import { INTERVAL_DAY_TO_SECOND, INTERVAL_YEAR_TO_MONTH, type SqlType } from './type';
import { INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, normalizeInt64, type Int64 } from './values';

export type IntervalField = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND';

const ORDER: readonly IntervalField[] = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

export function isYearMonthField(f: IntervalField): boolean {
  return f === 'YEAR' || f === 'MONTH';
}

/** The interval type a literal with these fields has (INTERVAL '..' DAY TO HOUR is interval day to second). */
export function intervalLiteralType(startField: IntervalField, _endField?: IntervalField): SqlType {
  return isYearMonthField(startField) ? INTERVAL_YEAR_TO_MONTH : INTERVAL_DAY_TO_SECOND;
}

function invalidLiteral(value: string): TrinoError {
  return new TrinoError('INVALID_LITERAL', `'${value}' is not a valid interval literal`);
}

function checkQualifier(start: IntervalField, end: IntervalField): void {
  const valid =
    ORDER.indexOf(end) >= ORDER.indexOf(start) &&
    (isYearMonthField(start)
      ? isYearMonthField(end) && !(start === 'MONTH' && end !== 'MONTH')
      : !isYearMonthField(end));
  if (!valid) {
    throw new TrinoError('INVALID_LITERAL', `Invalid interval qualifier: ${start} to ${end}`);
  }
}

/** One field value: 1-10 digits, within int range (Joda's period field parser). */
function fieldValue(digits: string): number {
  const v = Number(digits);
  if (v > INT32_MAX) throw new Error('field overflow');
  return v;
}

/**
 * Parses the string of an INTERVAL literal. `sign` is the sign written before the string
 * (`INTERVAL -'3' DAY`). Returns months (year-month) or milliseconds (day-second) in the value
 * representation of values.ts. Malformed text raises INVALID_LITERAL.
 */
export function parseIntervalLiteral(
  value: string,
  startField: IntervalField,
  endField?: IntervalField,
  sign: 1 | -1 = 1,
): { type: SqlType; value: number | Int64 } {
  const end = endField ?? startField;
  checkQualifier(startField, end);
  let text = value;
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  const fields = ORDER.slice(ORDER.indexOf(startField), ORDER.indexOf(end) + 1);
  const num = '(\\d{1,10})';
  const seconds = '(\\d{1,10})(?:[.,](\\d{0,9}))?';
  const separators: Record<IntervalField, string> = {
    YEAR: '',
    MONTH: '-',
    DAY: '',
    HOUR: ' ',
    MINUTE: ':',
    SECOND: ':',
  };
  // Build the longest pattern, each later field optional (Trino's OrderedPeriodParser takes prefixes).
  let pattern = '';
  let closers = '';
  fields.forEach((f, i) => {
    const body = f === 'SECOND' ? seconds : num;
    if (i === 0) {
      pattern += body;
    } else {
      pattern += `(?:${separators[f]}${body}`;
      closers += ')?';
    }
  });
  const m = new RegExp(`^${pattern}${closers}$`).exec(text);
  if (!m) throw invalidLiteral(value);
  try {
    const parts: Partial<Record<IntervalField | 'MILLIS', number>> = {};
    let g = 1;
    for (const f of fields) {
      const raw = m[g++];
      if (raw !== undefined) parts[f] = fieldValue(raw);
      if (f === 'SECOND') {
        const frac = m[g++];
        if (frac !== undefined && frac.length > 0) parts.MILLIS = Number(frac.slice(0, 3).padEnd(3, '0'));
      }
    }
    const factor = (negative ? -1 : 1) * sign;
    if (isYearMonthField(startField)) {
      const months = (parts.YEAR ?? 0) * 12 + (parts.MONTH ?? 0);
      const signed = factor * months;
      if (signed > INT32_MAX || signed < INT32_MIN) throw new Error('overflow');
      return { type: INTERVAL_YEAR_TO_MONTH, value: signed + 0 };
    }
    const millis =
      BigInt(parts.DAY ?? 0) * 86_400_000n +
      BigInt(parts.HOUR ?? 0) * 3_600_000n +
      BigInt(parts.MINUTE ?? 0) * 60_000n +
      BigInt(parts.SECOND ?? 0) * 1000n +
      BigInt(parts.MILLIS ?? 0);
    const signed = BigInt(factor) * millis;
    if (signed > INT64_MAX || signed < INT64_MIN) throw new Error('overflow');
    return { type: INTERVAL_DAY_TO_SECOND, value: normalizeInt64(signed) };
  } catch {
    throw invalidLiteral(value);
  }
}

/** Interval year to month as Trino prints it: `1-2`, `-1-2`, `0-0`. */
export function formatIntervalYearToMonth(months: number): string {
  const sign = months < 0 ? '-' : '';
  const a = Math.abs(months);
  return `${sign}${Math.floor(a / 12)}-${a % 12}`;
}

/** Interval day to second as Trino prints it: `3 04:05:06.789`, `-0 00:00:01.000`. */
export function formatIntervalDayToSecond(millis: Int64): string {
  let v = typeof millis === 'bigint' ? millis : BigInt(millis);
  const sign = v < 0n ? '-' : '';
  if (v < 0n) v = -v;
  const day = v / 86_400_000n;
  let rest = Number(v % 86_400_000n);
  const hour = Math.floor(rest / 3_600_000);
  rest %= 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest %= 60_000;
  const second = Math.floor(rest / 1000);
  const ms = rest % 1000;
  const p2 = (n: number) => (n < 10 ? '0' : '') + n;
  return `${sign}${day} ${p2(hour)}:${p2(minute)}:${p2(second)}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}
