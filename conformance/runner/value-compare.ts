/**
 * Comparing one engine value (canonical representation + SQL type) with expected text from a corpus file.
 *
 * Three flavours, one per corpus:
 *   - {@link duckdbValueMatches}: DuckDB's runner fallback after a text mismatch (numeric columns: the expected
 *     text cast to the column type, doubles equal within 1% + 1e-8 as DuckDB's ApproxEqual; booleans accept
 *     true/false/1/0);
 *   - {@link tpchValueMatches}: TPC-H answers (exact for integers and decimals, 1e-9 relative for doubles);
 *   - {@link temptoValueMatches}: Trino product test `.result` files (tempto compares typed values).
 */
import { decimalToString, formatValue, padChar, type DecimalValue, type SqlType } from '../../src/types';
import { displayValue } from './value-render';

/** An exact decimal number: unscaled / 10^scale. */
export interface ExactDecimal {
  unscaled: bigint;
  scale: number;
}

const NUMBER_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses decimal text (`-12.50`, `1e3`, `.5`) exactly; undefined when it is not a plain number. */
export function parseExactDecimal(text: string): ExactDecimal | undefined {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return undefined;
  const intDigits = m[2] ?? '';
  const fracDigits = m[3] ?? '';
  if (intDigits === '' && fracDigits === '') return undefined;
  let unscaled = BigInt((intDigits + fracDigits).replace(/^0+(?=\d)/, '') || '0');
  let scale = fracDigits.length;
  const exp = m[4] !== undefined ? Number(m[4]) : 0;
  if (Math.abs(exp) > 400) return undefined;
  if (exp > 0) {
    if (exp >= scale) {
      unscaled *= 10n ** BigInt(exp - scale);
      scale = 0;
    } else scale -= exp;
  } else if (exp < 0) scale += -exp;
  if (m[1] === '-') unscaled = -unscaled;
  return { unscaled, scale };
}

export function exactEquals(a: ExactDecimal, b: ExactDecimal): boolean {
  const s = Math.max(a.scale, b.scale);
  return a.unscaled * 10n ** BigInt(s - a.scale) === b.unscaled * 10n ** BigInt(s - b.scale);
}

/** Rounds to `scale` fraction digits, half away from zero (Java's RoundingMode.HALF_UP). */
export function roundHalfUp(x: ExactDecimal, scale: number): ExactDecimal {
  if (x.scale <= scale) return { unscaled: x.unscaled * 10n ** BigInt(scale - x.scale), scale };
  const d = 10n ** BigInt(x.scale - scale);
  const negative = x.unscaled < 0n;
  const abs = negative ? -x.unscaled : x.unscaled;
  let q = abs / d;
  if ((abs % d) * 2n >= d) q += 1n;
  return { unscaled: negative ? -q : q, scale };
}

/** The exact value of an integer or decimal engine value, undefined for other types. */
export function exactOf(value: unknown, type: SqlType): ExactDecimal | undefined {
  switch (type.kind) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return typeof value === 'bigint' || typeof value === 'number'
        ? { unscaled: BigInt(value), scale: 0 }
        : undefined;
    case 'decimal':
      return { unscaled: BigInt(value as DecimalValue), scale: type.scale };
    default:
      return undefined;
  }
}

export function isIntegral(type: SqlType): boolean {
  return (
    type.kind === 'tinyint' || type.kind === 'smallint' || type.kind === 'integer' || type.kind === 'bigint'
  );
}

export function isFloating(type: SqlType): boolean {
  return type.kind === 'double' || type.kind === 'real';
}

/** True when `a` and `e` agree within `relative` of the larger magnitude (NaN equals NaN; infinities exactly). */
export function relativelyClose(a: number, e: number, relative: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
  if (a === e) return true;
  return Math.abs(a - e) <= relative * Math.max(Math.abs(a), Math.abs(e));
}

function parseDoubleText(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'nan') return NaN;
  if (t === 'inf' || t === 'infinity' || t === '+inf' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (!NUMBER_TEXT.test(t) || t === '' || t === '.' || t === '-' || t === '+') return undefined;
  const x = Number(t);
  return Number.isNaN(x) ? undefined : x;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * DuckDB's CompareValues fallback, used after the rendered text differs from the expected text: for numeric
 * columns both sides are cast to the column type and compared (doubles within `|e| * 0.01 + 1e-8`); booleans
 * accept true/false/1/0; other types do not match.
 */
export function duckdbValueMatches(value: unknown, type: SqlType, expected: string): boolean {
  if (expected === 'NULL') return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (isIntegral(type) || type.kind === 'decimal') {
    const actual = exactOf(value, type)!;
    const e = parseExactDecimal(expected);
    if (!e) return false;
    return exactEquals(actual, type.kind === 'decimal' ? roundHalfUp(e, type.scale) : e);
  }
  if (isFloating(type)) {
    const e = parseDoubleText(expected);
    if (e === undefined) return false;
    const a = value as number;
    if (Number.isNaN(a) && Number.isNaN(e)) return true;
    if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
    return Math.abs(a - e) <= Math.abs(e) * 0.01 + 0.00000001;
  }
  if (type.kind === 'boolean') {
    const e = expected.toLowerCase();
    const bit = e === 'true' || e === '1' ? true : e === 'false' || e === '0' ? false : undefined;
    return bit !== undefined && bit === value;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * TPC-H answer comparison. `expected` is the answer file's text (null for `NULL`).
 *   - integers: exact;
 *   - decimal(p,s): exact; when the answer has more than `s` fraction digits (DuckDB's avg is a full-precision
 *     double), the answer rounded half-up to `s` digits must equal the value: Trino's avg over a decimal
 *     returns the argument's scale, rounded half-up;
 *   - double / real: within `relative` (default 1e-9) of the answer;
 *   - char: trailing spaces ignored; other types: the value's text (CAST to varchar) equals the answer.
 */
export function tpchValueMatches(
  value: unknown,
  type: SqlType,
  expected: string | null,
  relative = 1e-9,
): boolean {
  if (expected === null) return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (isIntegral(type) || type.kind === 'decimal') {
    const actual = exactOf(value, type)!;
    const e = parseExactDecimal(expected);
    if (!e) return false;
    if (type.kind === 'decimal' && e.scale > type.scale)
      return exactEquals(actual, roundHalfUp(e, type.scale));
    return exactEquals(actual, e);
  }
  if (isFloating(type)) {
    const e = parseDoubleText(expected);
    return e !== undefined && relativelyClose(value as number, e, relative);
  }
  if (type.kind === 'char') return padChar(value as string, type.length).trimEnd() === expected.trimEnd();
  if (type.kind === 'varchar') return value === expected;
  return displayValue(value, type) === expected;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Trino product test (tempto) comparison of one value with its `.result` text. tempto writes NULL as `null`
 * and converts the expected text to the column's JDBC type before comparing: integers and decimals compare
 * as numbers (BigDecimal.compareTo, so `1.50` equals `1.5`), doubles within `relative` (default 1e-9),
 * booleans case-insensitively, char values padded to their length (both sides trimmed with trimValues),
 * dates / times / timestamps as text with trailing zero fraction digits ignored.
 */
export function temptoValueMatches(
  value: unknown,
  type: SqlType,
  expected: string,
  options: { trimValues?: boolean; relative?: number } = {},
): boolean {
  if (expected === 'null') return value === null || value === undefined;
  if (value === null || value === undefined) return false;
  if (isIntegral(type) || type.kind === 'decimal') {
    const e = parseExactDecimal(expected);
    return e !== undefined && exactEquals(exactOf(value, type)!, e);
  }
  if (isFloating(type)) {
    const e = parseDoubleText(expected);
    return e !== undefined && relativelyClose(value as number, e, options.relative ?? 1e-9);
  }
  if (type.kind === 'boolean') return String(value) === expected.trim().toLowerCase();
  let text: string;
  if (type.kind === 'char') text = padChar(value as string, type.length);
  else if (type.kind === 'varchar') text = value as string;
  else text = displayValue(value, type);
  if (options.trimValues) text = text.trim();
  if (text === expected) return true;
  if (
    type.kind === 'timestamp' ||
    type.kind === 'timestamp_tz' ||
    type.kind === 'time' ||
    type.kind === 'time_tz'
  ) {
    return stripZeroFraction(text) === stripZeroFraction(expected);
  }
  return false;
}

function stripZeroFraction(text: string): string {
  return text.replace(/(\d\d:\d\d:\d\d)\.(\d*?)0+(?=$|\D)/, (_m, hms: string, frac: string) =>
    frac === '' ? hms : `${hms}.${frac}`,
  );
}

/** Text of a value for failure messages (decimals exactly, strings quoted when they have edge spaces). */
export function describeValue(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'NULL';
  if (type.kind === 'decimal') return decimalToString(value as DecimalValue, type.scale);
  try {
    const text =
      type.kind === 'unknown'
        ? String(value)
        : type.kind === 'varchar'
          ? (value as string)
          : formatValue(value, type);
    return /^\s|\s$/.test(text) || text === '' ? JSON.stringify(text) : text;
  } catch {
    return displayValue(value, type);
  }
}
