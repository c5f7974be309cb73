/**
 * Typing and evaluating SQL literals, as Trino's AstBuilder / ExpressionAnalyzer /
 * LiteralInterpreter do:
 *
 *   123            integer (bigint when outside 32 bits); 0x1F, 0b101, 0o17 and 1_000 too
 *   1.5            decimal(2,1)                1.5e0    double
 *   'abc'          varchar(3)                  X'0A1B'  varbinary
 *   DATE '2020-01-01', TIME '01:02:03.456', TIMESTAMP '2020-01-01 00:00:00.123456',
 *   TIMESTAMP '2020-01-01 00:00 America/New_York', DECIMAL '1.50', CHAR 'x', JSON '[1]',
 *   REAL '1.5', <any type> 'text' (a CAST from varchar)
 *
 * Malformed literals raise INVALID_LITERAL with Trino's messages ("'2020-13-01' is not a valid
 * timestamp literal", "'x' is not a valid date literal"); out-of-range numeric tokens raise
 * SYNTAX_ERROR "Invalid numeric literal: ..." (Trino rejects them in the parser). Every failure is
 * a TrinoError.
 */

import { TrinoError } from '../errors';
import { castFromVarchar, type CastContext } from './cast-varchar';
import { canCast } from './coercion';
import {
  DateTimeParseError,
  localPicosToEpochPicos,
  parseTimestampText,
  parseTimeText,
  parseZone,
  timeFromPicos,
  timestampFromEpochPicos,
  timestampTextPrecision,
  timestampTzFromEpochPicos,
  timeTextPrecision,
} from './datetime';
import { parseDecimalLiteral } from './decimal';
import { parseIntervalLiteral, type IntervalField } from './interval';
import { jsonParse } from './json';
import { parseType } from './parse-type';
import {
  BIGINT,
  charType,
  DOUBLE,
  formatType,
  INTEGER,
  JSON_TYPE,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  VARBINARY,
  VARCHAR,
  varcharType,
  type SqlType,
} from './type';
import { codePointLength, normalizeInt64, trimTrailingSpaces, type TimeWithTimeZone } from './values';

export interface TypedValue {
  readonly type: SqlType;
  readonly value: unknown;
}

function invalidNumeric(text: string): TrinoError {
  return new TrinoError('SYNTAX_ERROR', `Invalid numeric literal: ${text}`);
}

/**
 * An integer literal token (Trino's LongLiteral): `integer` when it fits 32 bits, else `bigint`.
 * `negative` applies a leading minus so that -9223372036854775808 is representable.
 */
export function parseIntegerLiteral(text: string, negative = false): TypedValue {
  const clean = text.replace(/_/g, '');
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(clean) || /^0[bB][01]+$/.test(clean) || /^0[oO][0-7]+$/.test(clean)) {
    v = BigInt(clean.slice(0, 2).toLowerCase() + clean.slice(2));
  } else if (/^\d+$/.test(clean) && !/^_|_$|__/.test(text)) {
    v = BigInt(clean);
  } else {
    throw invalidNumeric(text);
  }
  if (negative) v = -v;
  if (v > 9223372036854775807n || v < -9223372036854775808n)
    throw invalidNumeric(negative ? `-${text}` : text);
  const fits32 = v >= -2147483648n && v <= 2147483647n;
  return { type: fits32 ? INTEGER : BIGINT, value: fits32 ? Number(v) : normalizeInt64(v) };
}

/** A decimal literal token (`1.5`, `.5`, `1.`): decimal(p, s), INVALID_LITERAL when over 38 digits. */
export function parseDecimalLiteralValue(text: string): TypedValue {
  return parseDecimalLiteral(text);
}

/** A double literal token (`1.5e0`, `1E3`). */
export function parseDoubleLiteral(text: string): TypedValue {
  const clean = text.replace(/_/g, '');
  if (!/^(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(clean)) throw invalidNumeric(text);
  return { type: DOUBLE, value: Number(clean) };
}

/** A string literal: varchar(length in code points). */
export function stringLiteral(value: string): TypedValue {
  return { type: varcharType(codePointLength(value)), value };
}

/** A binary literal X'...': whitespace ignored, an even number of hex digits. */
export function parseBinaryLiteral(hex: string): TypedValue {
  const clean = hex.replace(/\s/g, '');
  if (!/^[0-9a-fA-F]*$/.test(clean)) {
    throw new TrinoError('SYNTAX_ERROR', 'Binary literal can only contain hexadecimal digits');
  }
  if (clean.length % 2 !== 0)
    throw new TrinoError('SYNTAX_ERROR', 'Binary literal must contain an even number of digits');
  const bytes = new Uint8Array(clean.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return { type: VARBINARY, value: bytes };
}

function invalidLiteral(value: string, what: string, cause?: unknown): TrinoError {
  return new TrinoError(
    'INVALID_LITERAL',
    `'${value}' is not a valid ${what} literal`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

/** TIME '...' (with an optional `+HH:MM` offset): time(p) / time(p) with time zone, p = fraction digits. */
export function parseTimeLiteral(value: string): TypedValue {
  const info = timeTextPrecision(value);
  if (info === undefined) throw invalidLiteral(value, 'time');
  const type = info.hasOffset ? timeWithTimeZoneType(info.precision) : timeType(info.precision);
  try {
    const parsed = parseTimeText(value);
    const time = timeFromPicos(parsed.picos, info.precision);
    if (!info.hasOffset) return { type, value: time };
    const tz: TimeWithTimeZone = { time, offsetMinutes: parsed.offsetMinutes! };
    return { type, value: tz };
  } catch (e) {
    if (e instanceof DateTimeParseError) throw invalidLiteral(value, 'time', e);
    throw e;
  }
}

/**
 * TIMESTAMP '...': timestamp(p), or timestamp(p) with time zone when a zone follows
 * (`2020-01-01 00:00:00 America/New_York`, `... +01:00`, `... UTC`); p = fraction digits.
 */
export function parseTimestampLiteral(value: string): TypedValue {
  const info = timestampTextPrecision(value);
  if (info === undefined) throw invalidLiteral(value, 'timestamp');
  const type = info.hasZone ? timestampWithTimeZoneType(info.precision) : timestampType(info.precision);
  try {
    const parsed = parseTimestampText(value);
    if (!info.hasZone) return { type, value: timestampFromEpochPicos(parsed.localPicos, info.precision) };
    const zone = parseZone(parsed.zone!);
    const epochPicos = localPicosToEpochPicos(parsed.localPicos, zone);
    if (epochPicos === undefined)
      throw new DateTimeParseError('Invalid TIMESTAMP due to daylight savings transition');
    return { type, value: timestampTzFromEpochPicos(epochPicos, zone) };
  } catch (e) {
    if (e instanceof DateTimeParseError) throw invalidLiteral(value, 'timestamp', e);
    throw e;
  }
}

/** CHAR '...': char(length) holding the text without trailing spaces. */
export function parseCharLiteral(value: string): TypedValue {
  return { type: charType(codePointLength(value)), value: trimTrailingSpaces(value) };
}

/**
 * `<type> 'text'`: TIME, TIMESTAMP, DECIMAL and CHAR have their own rules; JSON is json_parse;
 * any other type is CAST('text' AS type), with failures reported as INVALID_LITERAL
 * "'text' is not a valid <type> literal".
 */
export function parseTypedLiteral(typeName: string, value: string, ctx?: CastContext): TypedValue {
  const name = typeName.trim().toLowerCase();
  if (name === 'time') return parseTimeLiteral(value);
  if (name === 'timestamp') return parseTimestampLiteral(value);
  if (name === 'decimal') return parseDecimalLiteral(value);
  if (name === 'char') return parseCharLiteral(value);
  let type: SqlType;
  try {
    type = parseType(typeName);
  } catch (e) {
    if (e instanceof TrinoError && (e.errorName === 'TYPE_NOT_FOUND' || e.errorName === 'SYNTAX_ERROR')) {
      throw new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${typeName}`, undefined, { cause: e });
    }
    throw e;
  }
  if (type.kind === 'json') {
    try {
      return { type: JSON_TYPE, value: jsonParse(value) };
    } catch (e) {
      throw invalidLiteral(value, 'json', e);
    }
  }
  if (!canCast(VARCHAR, type)) {
    throw new TrinoError('INVALID_LITERAL', `No literal form for type ${formatType(type)}`);
  }
  try {
    return { type, value: castFromVarchar(value, type, ctx) };
  } catch (e) {
    if (e instanceof TrinoError && e.errorName === 'INVALID_CAST_ARGUMENT')
      throw invalidLiteral(value, formatType(type), e);
    throw e;
  }
}

/** INTERVAL [sign] 'text' start [TO end]. */
export function parseIntervalLiteralValue(
  value: string,
  startField: IntervalField,
  endField?: IntervalField,
  sign: 1 | -1 = 1,
): TypedValue {
  return parseIntervalLiteral(value, startField, endField, sign);
}
