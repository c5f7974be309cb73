/**
 * Date, time and timestamp values: conversion between the value representations of values.ts,
 * parsing of Trino's textual forms, and printing as Trino prints them.
 *
 * Text forms (Trino's DateTimes.DATETIME_PATTERN / TIME_PATTERN, DateTimeUtils.parseDate):
 *   date        `2020-01-01`, also lenient `13-2-2` (year 1-9 digits, signed)
 *   time        `H:M[:S[.fraction]]` with 1-2 digit fields, optional `+HH:MM` offset
 *   timestamp   `[+-]YYYY[Y..]-M-D[ H:M[:S[.fraction]]][ zone]`
 * Parsing functions here throw `DateTimeParseError`; literal and cast code turns that into the
 * TrinoError Trino raises in that context (INVALID_LITERAL vs INVALID_CAST_ARGUMENT).
 */

import {
  bigFloorDiv,
  bigFloorMod,
  bigRoundToMultiple,
  civilFromDays,
  daysFromCivil,
  isValidCivilDate,
  pad,
  PICOS_PER_DAY,
  PICOS_PER_MICRO,
  PICOS_PER_MILLI,
  PICOS_PER_NANO,
  PICOS_PER_SECOND,
  POWERS_OF_TEN_BIG,
} from './calendar';
import {
  formatOffsetMinutes,
  InvalidTimeZoneError,
  localMillisToEpoch,
  normalizeTimeZoneId,
  zoneOffsetMillis,
} from './time-zone';
import {
  INT32_MAX,
  INT32_MIN,
  INT64_MAX,
  INT64_MIN,
  normalizeInt64,
  toBigInt,
  type Int64,
  type LongTimestamp,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
} from './values';

export class DateTimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateTimeParseError';
  }
}

/** Java's String.trim(): strips chars <= U+0020 at both ends. */
export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

// ---------------------------------------------------------------------------------------------
// Date

/** Largest/smallest date Trino can hold (days fit an int): 5881580-07-11 and -5877641-06-23. */
export const MAX_DATE_DAYS = INT32_MAX;
export const MIN_DATE_DAYS = INT32_MIN;

function daysOrThrow(year: number, month: number, day: number): number {
  if (!isValidCivilDate(year, month, day))
    throw new DateTimeParseError(`Invalid date ${year}-${month}-${day}`);
  const days = daysFromCivil(year, month, day);
  if (days < MIN_DATE_DAYS || days > MAX_DATE_DAYS) throw new DateTimeParseError('Date out of range');
  return days;
}

/** Parses date text (already trimmed) into days since the epoch (DateTimeUtils.parseDate). */
export function parseDate(text: string): number {
  const strict = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (strict) return daysOrThrow(Number(strict[1]), Number(strict[2]), Number(strict[3]));
  // Joda's ISODateTimeFormat.date() parser: signed year of up to 9 digits, 1-2 digit month/day.
  const lenient = /^([+-]?\d{1,9})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!lenient) throw new DateTimeParseError(`Invalid date: ${text}`);
  return daysOrThrow(Number(lenient[1]), Number(lenient[2]), Number(lenient[3]));
}

/** `yyyy-MM-dd` as Trino prints dates (Joda: at least 4 year digits, `-` for negative years). */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year < 0 ? '-' : ''}${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** java.time's `uuuu` year: at least 4 digits, `+` when more than 4, `-` for negative. */
function formatIsoYear(year: number): string {
  if (year < 0) return `-${pad(year, 4)}`;
  return year > 9999 ? `+${year}` : pad(year, 4);
}

// ---------------------------------------------------------------------------------------------
// Precision helpers

/** 10^(12-p): picoseconds in one unit of the last fractional digit of precision p. */
export function picosPerUnit(precision: number): bigint {
  return POWERS_OF_TEN_BIG[12 - precision];
}

/** Rounds picoseconds to precision p (half up, Trino's rounding). */
export function roundPicos(picos: bigint, precision: number): bigint {
  return bigRoundToMultiple(picos, picosPerUnit(precision));
}

function formatFraction(picoFraction: bigint, precision: number): string {
  if (precision === 0) return '';
  return '.' + pad(picoFraction / picosPerUnit(precision), precision);
}

/** Parses fraction digits into picoseconds (at most 12 digits). */
function fractionToPicos(fraction: string | undefined): bigint {
  if (!fraction) return 0n;
  return BigInt(fraction) * POWERS_OF_TEN_BIG[12 - fraction.length];
}

// ---------------------------------------------------------------------------------------------
// Time

/** A time(p) value (number nanos for p <= 9, bigint picos above) as picoseconds of day. */
export function timeToPicos(value: number | bigint, precision: number): bigint {
  return precision <= 9 ? BigInt(value as number) * PICOS_PER_NANO : (value as bigint);
}

/** A time(p) value from picoseconds of day (already rounded to p and within the day). */
export function timeFromPicos(picosOfDay: bigint, precision: number): number | bigint {
  return precision <= 9 ? Number(picosOfDay / PICOS_PER_NANO) : picosOfDay;
}

/** Rounds picoseconds of day to precision p, wrapping past midnight (Trino's time casts). */
export function roundTimePicos(picosOfDay: bigint, precision: number): bigint {
  return bigFloorMod(roundPicos(picosOfDay, precision), PICOS_PER_DAY);
}

/** `HH:mm:ss[.fff]` with exactly p fraction digits. */
export function formatTime(value: number | bigint, precision: number): string {
  const picos = timeToPicos(value, precision);
  const seconds = Number(picos / PICOS_PER_SECOND);
  const fraction = picos % PICOS_PER_SECOND;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${formatFraction(fraction, precision)}`;
}

/** `HH:mm:ss[.fff]+HH:MM`, as Trino prints time with time zone. */
export function formatTimeWithTimeZone(value: TimeWithTimeZone, precision: number): string {
  return formatTime(value.time, precision) + formatOffsetMinutes(value.offsetMinutes);
}

const WS = '[ \\t\\n\\x0B\\f\\r]';
const TIME_PATTERN = new RegExp(
  `^(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?${WS}*(?:([+-])(\\d\\d):(\\d\\d))?$`,
);

/** Fraction digits of time text matching Trino's TIME_PATTERN (no field validation), else undefined. */
export function timeTextPrecision(text: string): { precision: number; hasOffset: boolean } | undefined {
  const m = TIME_PATTERN.exec(text);
  if (!m) return undefined;
  return { precision: m[4] ? m[4].length : 0, hasOffset: m[5] !== undefined };
}

export interface ParsedTime {
  /** Number of fraction digits written (the literal's precision). */
  readonly precision: number;
  /** Exact picoseconds of day as written. */
  readonly picos: bigint;
  /** Offset in minutes when the text carries one. */
  readonly offsetMinutes?: number;
}

/** Parses time text (TIME_PATTERN), validating fields and offset; fraction may exceed 12 digits. */
export function parseTimeText(text: string): ParsedTime & { readonly fractionDigits: number } {
  const m = TIME_PATTERN.exec(text);
  if (!m) throw new DateTimeParseError(`Invalid TIME: ${text}`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) throw new DateTimeParseError(`Invalid TIME: ${text}`);
  const fraction = m[4];
  const fractionDigits = fraction ? fraction.length : 0;
  let offsetMinutes: number | undefined;
  if (m[5] !== undefined) {
    const oh = Number(m[6]);
    const om = Number(m[7]);
    if (!((oh === 14 && om === 0) || (oh < 14 && om <= 59)))
      throw new DateTimeParseError(`Invalid TIME: ${text}`);
    offsetMinutes = (m[5] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const wholePicos = BigInt((hour * 60 + minute) * 60 + second) * PICOS_PER_SECOND;
  // More than 12 digits: keep the first 13 so rounding still sees the next digit.
  const fracPicos =
    fractionDigits <= 12
      ? fractionToPicos(fraction)
      : BigInt(fraction!.slice(0, 12)) + (fraction!.charCodeAt(12) >= 53 ? 1n : 0n);
  return { precision: fractionDigits, fractionDigits, picos: wholePicos + fracPicos, offsetMinutes };
}

// ---------------------------------------------------------------------------------------------
// Timestamp

/** Microsecond range of Trino's timestamp (a Java long of epoch micros). */
const MIN_EPOCH_PICOS = INT64_MIN * PICOS_PER_MICRO;
const MAX_EPOCH_PICOS = INT64_MAX * PICOS_PER_MICRO + (PICOS_PER_MICRO - 1n);
/** Trino packs timestamp-with-time-zone millis in 52 bits (DateTimeEncoding). */
export const MAX_TSTZ_EPOCH_MILLIS = 2 ** 51 - 1;

/** A timestamp(p) value as picoseconds since the epoch. */
export function timestampToEpochPicos(value: Int64 | LongTimestamp, precision: number): bigint {
  if (precision <= 6) return toBigInt(value as Int64) * PICOS_PER_MICRO;
  const v = value as LongTimestamp;
  return toBigInt(v.epochMicros) * PICOS_PER_MICRO + BigInt(v.picosOfMicro);
}

/** A timestamp(p) value from epoch picoseconds (already rounded to p). */
export function timestampFromEpochPicos(epochPicos: bigint, precision: number): Int64 | LongTimestamp {
  if (epochPicos < MIN_EPOCH_PICOS || epochPicos > MAX_EPOCH_PICOS) {
    throw new DateTimeParseError('Timestamp out of range');
  }
  const micros = bigFloorDiv(epochPicos, PICOS_PER_MICRO);
  if (precision <= 6) return normalizeInt64(micros);
  return {
    epochMicros: normalizeInt64(micros),
    picosOfMicro: Number(bigFloorMod(epochPicos, PICOS_PER_MICRO)),
  };
}

/** A timestamp(p) with time zone value as epoch picoseconds. */
export function timestampTzToEpochPicos(value: TimestampWithTimeZone): bigint {
  return BigInt(value.epochMillis) * PICOS_PER_MILLI + BigInt(value.picosOfMilli);
}

/** A timestamp with time zone value from epoch picoseconds (already rounded) and a zone key id. */
export function timestampTzFromEpochPicos(epochPicos: bigint, timeZone: string): TimestampWithTimeZone {
  const millis = bigFloorDiv(epochPicos, PICOS_PER_MILLI);
  if (millis > BigInt(MAX_TSTZ_EPOCH_MILLIS) || millis < -BigInt(MAX_TSTZ_EPOCH_MILLIS)) {
    throw new DateTimeParseError('Timestamp with time zone out of range');
  }
  return {
    epochMillis: Number(millis),
    picosOfMilli: Number(bigFloorMod(epochPicos, PICOS_PER_MILLI)),
    timeZone,
  };
}

function formatLocalPicos(localPicos: bigint, precision: number): string {
  const days = Number(bigFloorDiv(localPicos, PICOS_PER_DAY));
  const picosOfDay = bigFloorMod(localPicos, PICOS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  const seconds = Number(picosOfDay / PICOS_PER_SECOND);
  const h = Math.floor(seconds / 3600);
  const mi = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return (
    `${formatIsoYear(year)}-${pad(month, 2)}-${pad(day, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}` +
    formatFraction(picosOfDay % PICOS_PER_SECOND, precision)
  );
}

/** `yyyy-MM-dd HH:mm:ss[.fff]` with exactly p fraction digits. */
export function formatTimestamp(value: Int64 | LongTimestamp, precision: number): string {
  return formatLocalPicos(timestampToEpochPicos(value, precision), precision);
}

/** `yyyy-MM-dd HH:mm:ss[.fff] Zone/Id`, local time in the value's zone. */
export function formatTimestampWithTimeZone(value: TimestampWithTimeZone, precision: number): string {
  const offset = zoneOffsetMillis(value.timeZone, value.epochMillis);
  const local = timestampTzToEpochPicos(value) + BigInt(offset) * PICOS_PER_MILLI;
  return `${formatLocalPicos(local, precision)} ${value.timeZone}`;
}

const DATETIME_PATTERN = new RegExp(
  `^([-+]?\\d{4,})-(\\d{1,2})-(\\d{1,2})(?: (?:(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?${WS}*(.+)?)?$`,
);

/** Fraction digits and zone presence of timestamp text matching DATETIME_PATTERN, else undefined. */
export function timestampTextPrecision(text: string): { precision: number; hasZone: boolean } | undefined {
  const m = DATETIME_PATTERN.exec(text);
  if (!m) return undefined;
  return { precision: m[7] ? m[7].length : 0, hasZone: m[8] !== undefined };
}

export interface ParsedTimestamp {
  /** Fraction digits written (the literal's precision); may exceed 12 (callers reject). */
  readonly fractionDigits: number;
  /** Local date-time as picoseconds since 1970-01-01T00:00 (exact for up to 12 digits). */
  readonly localPicos: bigint;
  /** Zone text as written, when present. */
  readonly zone?: string;
}

/** Parses timestamp text (DATETIME_PATTERN) into local picoseconds; validates the calendar fields. */
export function parseTimestampText(text: string): ParsedTimestamp {
  const m = DATETIME_PATTERN.exec(text);
  if (!m) throw new DateTimeParseError(`Invalid TIMESTAMP: ${text}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // java.time LocalDateTime.of limits.
  if (!Number.isSafeInteger(year) || Math.abs(year) > 999_999_999 || !isValidCivilDate(year, month, day)) {
    throw new DateTimeParseError(`Invalid TIMESTAMP: ${text}`);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new DateTimeParseError(`Invalid TIMESTAMP: ${text}`);
  const fraction = m[7];
  const fractionDigits = fraction ? fraction.length : 0;
  const days = BigInt(daysFromCivil(year, month, day));
  const secondsOfDay = BigInt((hour * 60 + minute) * 60 + second);
  const fracPicos =
    fractionDigits <= 12
      ? fractionToPicos(fraction)
      : BigInt(fraction!.slice(0, 12)) + (fraction!.charCodeAt(12) >= 53 ? 1n : 0n);
  const localPicos = (days * 86_400n + secondsOfDay) * PICOS_PER_SECOND + fracPicos;
  return { fractionDigits, localPicos, zone: m[8] };
}

/**
 * Converts local picoseconds in a zone to epoch picoseconds; undefined for a local time that does
 * not exist (DST gap). Overlaps take the earlier instant.
 */
export function localPicosToEpochPicos(localPicos: bigint, zone: string): bigint | undefined {
  const localMillis = bigFloorDiv(localPicos, PICOS_PER_MILLI);
  const subMilli = bigFloorMod(localPicos, PICOS_PER_MILLI);
  if (localMillis > 9_000_000_000_000_000n || localMillis < -9_000_000_000_000_000n) return undefined;
  const epochMillis = localMillisToEpoch(zone, Number(localMillis));
  if (epochMillis === undefined) return undefined;
  return BigInt(epochMillis) * PICOS_PER_MILLI + subMilli;
}

/** Resolves zone text of a timestamp/tstz value to Trino's key id, or throws DateTimeParseError. */
export function parseZone(zoneText: string): string {
  try {
    return normalizeTimeZoneId(zoneText);
  } catch (e) {
    if (e instanceof InvalidTimeZoneError) throw new DateTimeParseError(e.message);
    throw e;
  }
}

/** Offset (minutes) of a zone at an instant; used for time with time zone conversions. */
export function offsetMinutesAt(zone: string, epochMillis: number): number {
  return Math.trunc(zoneOffsetMillis(zone, epochMillis) / 60_000);
}
