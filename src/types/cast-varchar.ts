/**
 * CAST between varchar and every scalar type, with Trino's parsing rules, printed forms and error
 * messages (VarcharOperators, DoubleOperators, DecimalCasts, DateOperators, VarcharTo*Cast, ...).
 *
 *   castToVarchar(1.5e0, DOUBLE)                → '1.5E0'
 *   castToVarchar(150n, decimal(38,2))          → '1.50'
 *   castToVarchar(days, DATE)                   → '2020-01-01'
 *   castFromVarchar(' 12 ', BIGINT)             → 12
 *   castFromVarchar('abc', BIGINT)              → INVALID_CAST_ARGUMENT "Cannot cast 'abc' to BIGINT"
 *
 * Casting to a bounded varchar(n) fails with INVALID_CAST_ARGUMENT when the text of a non-string
 * value does not fit ("Value 1200.0 (1.2E3) cannot be represented as varchar(4)"); string values
 * are truncated, as in Trino.
 */

import { TrinoError } from '../errors';
import { formatIpAddress, ipAddressFromBytes, parseIpAddressBytes } from './ipaddress';
import {
  DateTimeParseError,
  formatDate,
  formatTime,
  formatTimestamp,
  formatTimestampWithTimeZone,
  formatTimeWithTimeZone,
  javaTrim,
  localPicosToEpochPicos,
  offsetMinutesAt,
  parseDate,
  parseTimestampText,
  parseTimeText,
  parseZone,
  roundPicos,
  roundTimePicos,
  timeFromPicos,
  timestampFromEpochPicos,
  timestampTzFromEpochPicos,
} from './datetime';
import { decimalToString, varcharToDecimal } from './decimal';
import { doubleToVarchar, javaDoubleToString, javaFloatToString, realToVarchar } from './float-format';
import { formatIntervalDayToSecond, formatIntervalYearToMonth } from './interval';
import { parseJson } from './json';
import { formatType, type SqlType } from './type';
import {
  codePointLength,
  normalizeInt64,
  padChar,
  trimTrailingSpaces,
  truncateCodePoints,
  type DecimalValue,
  type Int64,
  type LongTimestamp,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
} from './values';

/** Session facts some casts need. */
export interface CastContext {
  /** Session time zone key id (default `UTC`), for values without an explicit zone. */
  readonly timeZone?: string;
  /** The query start instant, for time-with-time-zone offsets (default: now). */
  readonly startEpochMillis?: number;
}

function invalidCast(message: string, cause?: unknown): TrinoError {
  return new TrinoError(
    'INVALID_CAST_ARGUMENT',
    message,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

// ---------------------------------------------------------------------------------------------
// To varchar

/**
 * The text of `value` (of type `from`) as CAST(... AS varchar) produces it, or as
 * CAST(... AS varchar(length)) when `length` is given. `value` must not be null.
 */
export function castToVarchar(value: unknown, from: SqlType, length?: number): string {
  const text = formatForCast(value, from, length);
  if (length === undefined) return text;
  if (from.kind === 'varchar' || from.kind === 'char' || from.kind === 'json') {
    return truncateCodePoints(text, length);
  }
  if (codePointLength(text) <= length) return text;
  if (from.kind === 'double') {
    throw invalidCast(
      `Value ${javaDoubleToString(value as number)} (${text}) cannot be represented as varchar(${length})`,
    );
  }
  if (from.kind === 'real') {
    throw invalidCast(
      `Value ${javaFloatToString(value as number)} (${text}) cannot be represented as varchar(${length})`,
    );
  }
  throw invalidCast(`Value ${text} cannot be represented as varchar(${length})`);
}

function formatForCast(value: unknown, from: SqlType, length: number | undefined): string {
  switch (from.kind) {
    case 'varchar':
      return value as string;
    case 'char':
      // char(x) → varchar(y): padded to x, or truncated to y and padded to y.
      return padChar(
        length === undefined ? (value as string) : truncateCodePoints(value as string, length),
        Math.min(from.length, length ?? from.length),
      );
    case 'json':
      return jsonToVarchar(value as string);
    default:
      return formatValue(value, from);
  }
}

/**
 * The canonical text of a non-null scalar value as Trino's CAST to varchar prints it (char values
 * padded to their length). Throws for types without a varchar form (varbinary, containers).
 */
export function formatValue(value: unknown, type: SqlType): string {
  switch (type.kind) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return String(value);
    case 'real':
      return realToVarchar(value as number);
    case 'double':
      return doubleToVarchar(value as number);
    case 'decimal':
      return decimalToString(value as DecimalValue, type.scale);
    case 'varchar':
      return value as string;
    case 'char':
      return padChar(value as string, type.length);
    case 'date':
      return formatDate(value as number);
    case 'time':
      return formatTime(value as number | bigint, type.precision);
    case 'time_tz':
      return formatTimeWithTimeZone(value as TimeWithTimeZone, type.precision);
    case 'timestamp':
      return formatTimestamp(value as Int64 | LongTimestamp, type.precision);
    case 'timestamp_tz':
      return formatTimestampWithTimeZone(value as TimestampWithTimeZone, type.precision);
    case 'interval_year_to_month':
      return formatIntervalYearToMonth(value as number);
    case 'interval_day_to_second':
      return formatIntervalDayToSecond(value as Int64);
    case 'json':
    case 'uuid':
      return value as string;
    case 'ipaddress':
      return formatIpAddress(value as string);
    default:
      throw invalidCast(`Cannot cast ${formatType(type)} to varchar`);
  }
}

/** CAST(json AS varchar): only JSON scalars convert (JsonUtil.currentTokenAsVarchar). */
function jsonToVarchar(json: string): string {
  let node;
  try {
    node = parseJson(json);
  } catch (e) {
    throw invalidCast(`Cannot cast to varchar. ${(e as Error).message}`, e);
  }
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return /[.eE]/.test(node.text) ? doubleToVarchar(Number(node.text)) : node.text;
    case 'boolean':
      return node.value ? 'true' : 'false';
    default:
      throw invalidCast(
        `Cannot cast to varchar. Unexpected token when cast to varchar: ${json.trim().slice(0, 1)}`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// From varchar

const JAVA_INTEGER = /^[+-]?\d+$/;

function parseIntegral(text: string, min: bigint, max: bigint, label: string): Int64 {
  const t = javaTrim(text);
  if (!JAVA_INTEGER.test(t)) throw invalidCast(`Cannot cast '${text}' to ${label}`);
  const v = BigInt(t);
  if (v < min || v > max) throw invalidCast(`Cannot cast '${text}' to ${label}`);
  return normalizeInt64(v);
}

const JAVA_FLOAT_DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const JAVA_FLOAT_HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)[fFdD]?$/;

/** Java's Double.parseDouble on trimmed text; undefined when it is not a Java float literal. */
export function parseJavaDouble(text: string): number | undefined {
  const t = javaTrim(text);
  if (JAVA_FLOAT_DECIMAL.test(t)) {
    const body = t.replace(/[fFdD]$/, '');
    if (body.endsWith('NaN')) return Number.NaN;
    return Number(body.endsWith('.') ? body + '0' : body);
  }
  const h = JAVA_FLOAT_HEX.exec(t);
  if (h && (h[2] !== '' || (h[3] ?? '') !== '')) {
    const digits = h[2] + (h[3] ?? '');
    const exp = Number(h[4]) - 4 * (h[3] ?? '').length;
    const mantissa = Number(BigInt('0x' + (digits || '0')));
    const v = mantissa * 2 ** Math.max(-1074, Math.min(1024, exp));
    return h[1] === '-' ? -v : v;
  }
  return undefined;
}

function castVarcharToUuid(text: string): string {
  const parts = text.split('-');
  const widths = [8, 4, 4, 4, 12];
  if (
    text.length > 36 ||
    parts.length !== 5 ||
    parts.some((p, i) => !/^[0-9a-fA-F]+$/.test(p) || p.length > widths[i])
  ) {
    throw invalidCast(`Cannot cast value to UUID: ${text}`);
  }
  return parts.map((p, i) => p.toLowerCase().padStart(widths[i], '0')).join('-');
}

function sessionZone(ctx: CastContext | undefined): string {
  return ctx?.timeZone ?? 'UTC';
}

/**
 * CAST(text AS type). Raises INVALID_CAST_ARGUMENT with Trino's message for malformed text.
 * String targets never fail (varchar(n) truncates, char(n) truncates and drops trailing spaces).
 */
export function castFromVarchar(text: string, to: SqlType, ctx?: CastContext): unknown {
  switch (to.kind) {
    case 'varchar':
      return to.length === undefined ? text : truncateCodePoints(text, to.length);
    case 'char':
      return trimTrailingSpaces(truncateCodePoints(text, to.length));
    case 'boolean':
      // ASCII-only case folding, as Trino compares bytes.
      if (/^(?:t|1|true)$/i.test(text)) return true;
      if (/^(?:f|0|false)$/i.test(text)) return false;
      throw invalidCast(`Cannot cast '${text}' to BOOLEAN`);
    case 'tinyint':
      return parseIntegral(text, -128n, 127n, 'TINYINT');
    case 'smallint':
      return parseIntegral(text, -32768n, 32767n, 'SMALLINT');
    case 'integer':
      return parseIntegral(text, -2147483648n, 2147483647n, 'INT');
    case 'bigint':
      return parseIntegral(text, -9223372036854775808n, 9223372036854775807n, 'BIGINT');
    case 'double': {
      const v = parseJavaDouble(text);
      if (v === undefined) throw invalidCast(`Cannot cast '${text}' to DOUBLE`);
      return v;
    }
    case 'real': {
      const v = parseJavaDouble(text);
      if (v === undefined) throw invalidCast(`Cannot cast '${text}' to REAL`);
      return Math.fround(v);
    }
    case 'decimal':
      return varcharToDecimal(text, to);
    case 'varbinary':
      return new TextEncoder().encode(text);
    case 'json':
      return JSON.stringify(text);
    case 'uuid':
      return castVarcharToUuid(text);
    case 'ipaddress': {
      const bytes = parseIpAddressBytes(text);
      if (bytes === undefined) throw invalidCast(`Cannot cast value to IPADDRESS: ${text}`);
      return ipAddressFromBytes(bytes);
    }
    case 'date':
      try {
        return parseDate(javaTrim(text));
      } catch (e) {
        throw invalidCast(`Value cannot be cast to date: ${text}`, e);
      }
    case 'time':
    case 'time_tz':
      return castToTime(text, to.kind === 'time_tz', to.precision, ctx);
    case 'timestamp':
    case 'timestamp_tz':
      return castToTimestamp(text, to.kind === 'timestamp_tz', to.precision, ctx);
    default:
      throw invalidCast(`Cannot cast varchar to ${formatType(to)}`);
  }
}

function castToTime(
  text: string,
  withTimeZone: boolean,
  precision: number,
  ctx: CastContext | undefined,
): unknown {
  const label = withTimeZone ? 'time with time zone' : 'time';
  try {
    const parsed = parseTimeText(javaTrim(text));
    if (parsed.fractionDigits > 12) throw new DateTimeParseError('too many fraction digits');
    const time = timeFromPicos(roundTimePicos(parsed.picos, precision), precision);
    if (!withTimeZone) {
      if (parsed.offsetMinutes !== undefined) throw new DateTimeParseError('unexpected offset');
      return time;
    }
    const offsetMinutes =
      parsed.offsetMinutes ?? offsetMinutesAt(sessionZone(ctx), ctx?.startEpochMillis ?? Date.now());
    const result: TimeWithTimeZone = { time, offsetMinutes };
    return result;
  } catch (e) {
    if (e instanceof TrinoError) throw e;
    throw invalidCast(`Value cannot be cast to ${label}: ${text}`, e);
  }
}

function castToTimestamp(
  text: string,
  withTimeZone: boolean,
  precision: number,
  ctx: CastContext | undefined,
): unknown {
  const label = withTimeZone ? 'timestamp with time zone' : 'timestamp';
  try {
    const parsed = parseTimestampText(javaTrim(text));
    if (parsed.fractionDigits > 12) throw new DateTimeParseError('too many fraction digits');
    if (!withTimeZone) {
      if (parsed.zone !== undefined) throw new DateTimeParseError('unexpected time zone');
      return timestampFromEpochPicos(roundPicos(parsed.localPicos, precision), precision);
    }
    const zone = parsed.zone === undefined ? sessionZone(ctx) : parseZone(parsed.zone);
    const epochPicos = localPicosToEpochPicos(roundPicos(parsed.localPicos, precision), zone);
    if (epochPicos === undefined)
      throw new DateTimeParseError('Invalid TIMESTAMP due to daylight savings transition');
    return timestampTzFromEpochPicos(epochPicos, zone);
  } catch (e) {
    if (e instanceof TrinoError) throw e;
    throw invalidCast(`Value cannot be cast to ${label}: ${text}`, e);
  }
}
