/**
 * Date and time functions (Trino's DateTimeFunctions and the io.trino.operator.scalar.timestamp /
 * timestamptz / time / timetz packages; trino.io/docs functions/datetime.html).
 *
 * Values follow values.ts. Field arithmetic runs on "local milliseconds" (wall clock as if UTC):
 * a timestamp(p) is already local, a timestamp with time zone is shifted by its zone's offset at
 * that instant, a date is days × 86 400 000. Sub-millisecond digits are carried separately so
 * every precision up to 12 stays exact. Calendar units follow Joda's ISO chronology, as Trino:
 * adding months clamps the day, date_diff counts whole units (Joda's getDifferenceAsLong), weeks
 * are ISO weeks starting Monday. For timestamps with time zone, units of a day and above work on
 * the wall clock of the value's zone and convert back with Joda's rules (a gap moves forward, an
 * overlap keeps the original offset when it is still valid); smaller units are absolute.
 */

import { TrinoError } from '../errors';
import {
  castValue,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  DATE,
  fixedOffsetMinutes,
  floorMod,
  formatDate,
  InvalidTimeZoneError,
  isLeapYear,
  localMillisToEpoch,
  MILLIS_PER_DAY,
  normalizeTimeZoneId,
  timeToPicos,
  timeFromPicos,
  zoneIdForOffsetMinutes,
  zoneOffsetMillis,
  type Int64,
  type LongTimestamp,
  type SqlType,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
} from '../types';
import {
  compileJodaPattern,
  compileMysqlPattern,
  DateTimeFormatError,
  formatDateTime,
  parseDateTime,
  type Token,
} from './datetime-format';
import type { BoundFunction, FunctionContext, ScalarFunctionSpec } from './registry';
import { big, invalidArgument, int64, outOfRange } from './util';

const DAY = MILLIS_PER_DAY;
const PICOS_PER_MILLI = 1_000_000_000n;
const PICOS_PER_DAY = 86_400_000_000_000_000n;

function precisionOf(t: SqlType): number {
  return (t as { precision: number }).precision;
}

// ---------------------------------------------------------------------------------------------
// Zones

/** A zone key from user text, or INVALID_FUNCTION_ARGUMENT `'x' is not a valid time zone`. */
export function zoneKey(text: string): string {
  try {
    return normalizeTimeZoneId(text);
  } catch (e) {
    if (e instanceof InvalidTimeZoneError) throw invalidArgument(`'${text}' is not a valid time zone`);
    throw e;
  }
}

/**
 * Joda's DateTimeZone.convertLocalToUTC(local, strict=false, original): the original instant's
 * offset when it still fits, else the earlier offset of an overlap, and in a gap the offset before
 * the transition (so the wall clock moves forward).
 */
export function localToEpoch(zone: string, localMillis: number, originalEpochMillis?: number): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) return localMillis - fixed * 60_000;
  if (originalEpochMillis !== undefined) {
    const offset = zoneOffsetMillis(zone, originalEpochMillis);
    const instant = localMillis - offset;
    if (zoneOffsetMillis(zone, instant) === offset) return instant;
  }
  const epoch = localMillisToEpoch(zone, localMillis);
  if (epoch !== undefined) return epoch;
  const before = Math.min(
    zoneOffsetMillis(zone, localMillis - DAY),
    zoneOffsetMillis(zone, localMillis + DAY),
  );
  return localMillis - before;
}

function epochToLocal(zone: string, epochMillis: number): number {
  return epochMillis + zoneOffsetMillis(zone, epochMillis);
}

// ---------------------------------------------------------------------------------------------
// Timestamp decomposition

interface Split {
  /** floor(epoch micros / 1000) */
  millis: number;
  /** picoseconds within the millisecond, 0..999_999_999 */
  picos: number;
}

function splitTimestamp(v: Int64 | LongTimestamp, p: number): Split {
  let micros: Int64;
  let picosOfMicro = 0;
  if (p <= 6) micros = v as Int64;
  else {
    micros = (v as LongTimestamp).epochMicros;
    picosOfMicro = (v as LongTimestamp).picosOfMicro;
  }
  if (typeof micros === 'number') {
    const millis = Math.floor(micros / 1000);
    return { millis, picos: (micros - millis * 1000) * 1_000_000 + picosOfMicro };
  }
  const millis = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  return { millis: Number(millis), picos: Number(micros - millis * 1000n) * 1_000_000 + picosOfMicro };
}

function joinTimestamp(millis: number, picos: number, p: number): Int64 | LongTimestamp {
  if (!Number.isSafeInteger(millis)) {
    throw outOfRange('timestamp out of range');
  }
  const microsOfMilli = Math.floor(picos / 1_000_000);
  const micros =
    Math.abs(millis) < 9_007_199_254_740
      ? millis * 1000 + microsOfMilli
      : int64(BigInt(millis) * 1000n + BigInt(microsOfMilli));
  if (p <= 6) return micros;
  return { epochMicros: micros, picosOfMicro: picos - microsOfMilli * 1_000_000 };
}

function tstz(epochMillis: number, picosOfMilli: number, timeZone: string): TimestampWithTimeZone {
  if (!Number.isSafeInteger(epochMillis) || Math.abs(epochMillis) > 2 ** 51 - 1) {
    throw outOfRange('timestamp with time zone out of range');
  }
  return { epochMillis, picosOfMilli, timeZone };
}

/** Local milliseconds of a value of a date/time type (for field extraction). */
function localMillisOf(type: SqlType): (v: unknown) => number {
  switch (type.kind) {
    case 'date':
      return (v) => (v as number) * DAY;
    case 'timestamp': {
      const p = type.precision;
      return (v) => splitTimestamp(v as Int64 | LongTimestamp, p).millis;
    }
    case 'timestamp_tz':
      return (v) =>
        epochToLocal((v as TimestampWithTimeZone).timeZone, (v as TimestampWithTimeZone).epochMillis);
    case 'time': {
      const p = type.precision;
      return (v) => Number(timeToPicos(v as number | bigint, p) / PICOS_PER_MILLI);
    }
    case 'time_tz': {
      const p = type.precision;
      return (v) => Number(timeToPicos((v as TimeWithTimeZone).time, p) / PICOS_PER_MILLI);
    }
    default:
      throw new Error(`not a date/time type: ${type.kind}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar fields (ISO chronology)

function isoDayOfWeek(days: number): number {
  return floorMod(days + 3, 7) + 1;
}

function isoWeek(days: number): { weekyear: number; week: number } {
  const thursday = days - (isoDayOfWeek(days) - 1) + 3;
  const { year } = civilFromDays(thursday);
  return { weekyear: year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

type FieldName =
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'day_of_week'
  | 'day_of_year'
  | 'year_of_week'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond';

function extractField(field: FieldName, localMillis: number): number {
  const days = Math.floor(localMillis / DAY);
  const msOfDay = localMillis - days * DAY;
  switch (field) {
    case 'year':
      return civilFromDays(days).year;
    case 'quarter':
      return Math.floor((civilFromDays(days).month - 1) / 3) + 1;
    case 'month':
      return civilFromDays(days).month;
    case 'week':
      return isoWeek(days).week;
    case 'day':
      return civilFromDays(days).day;
    case 'day_of_week':
      return isoDayOfWeek(days);
    case 'day_of_year':
      return days - daysFromCivil(civilFromDays(days).year, 1, 1) + 1;
    case 'year_of_week':
      return isoWeek(days).weekyear;
    case 'hour':
      return Math.floor(msOfDay / 3_600_000);
    case 'minute':
      return Math.floor(msOfDay / 60_000) % 60;
    case 'second':
      return Math.floor(msOfDay / 1000) % 60;
    case 'millisecond':
      return msOfDay % 1000;
  }
}

// ---------------------------------------------------------------------------------------------
// Units: truncation, addition, difference on local milliseconds

type Unit = 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

const UNIT_MILLIS: Partial<Record<Unit, number>> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: DAY,
  week: 7 * DAY,
};

const TIMESTAMP_UNITS: readonly Unit[] = [
  'millisecond',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
];
const DATE_UNITS: readonly Unit[] = ['day', 'week', 'month', 'quarter', 'year'];
const TIME_UNITS: readonly Unit[] = ['millisecond', 'second', 'minute', 'hour'];

function timestampUnit(text: string): Unit {
  const u = text.toLowerCase();
  if (!(TIMESTAMP_UNITS as readonly string[]).includes(u))
    throw invalidArgument(`'${u}' is not a valid Timestamp field`);
  return u as Unit;
}

function dateUnit(text: string): Unit {
  const u = text.toLowerCase();
  if (!(DATE_UNITS as readonly string[]).includes(u))
    throw invalidArgument(`'${u}' is not a valid DATE field`);
  return u as Unit;
}

function timeUnit(text: string): Unit {
  const u = text.toLowerCase();
  if (!(TIME_UNITS as readonly string[]).includes(u))
    throw invalidArgument(`'${u}' is not a valid Time field`);
  return u as Unit;
}

function truncateLocal(unit: Unit, local: number): number {
  const precise = UNIT_MILLIS[unit];
  if (precise !== undefined && unit !== 'week') return local - floorMod(local, precise);
  const days = Math.floor(local / DAY);
  if (unit === 'week') return (days - (isoDayOfWeek(days) - 1)) * DAY;
  const { year, month } = civilFromDays(days);
  if (unit === 'month') return daysFromCivil(year, month, 1) * DAY;
  if (unit === 'quarter') return daysFromCivil(year, Math.floor((month - 1) / 3) * 3 + 1, 1) * DAY;
  return daysFromCivil(year, 1, 1) * DAY;
}

/** Adds months to a day number, clamping the day of month (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDays(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

function addLocal(unit: Unit, value: Int64, local: number): number {
  const v = typeof value === 'bigint' ? Number(value) : value;
  const precise = UNIT_MILLIS[unit];
  let r: number;
  if (precise !== undefined) r = local + v * precise;
  else {
    const months = unit === 'month' ? v : unit === 'quarter' ? v * 3 : v * 12;
    if (!Number.isSafeInteger(months) || Math.abs(months) > 2 ** 40)
      throw outOfRange(`Value out of range: ${value}`);
    const days = Math.floor(local / DAY);
    r = addMonthsToDays(days, months) * DAY + (local - days * DAY);
  }
  if (!Number.isSafeInteger(r)) throw outOfRange(`Value out of range: ${value}`);
  return r;
}

function startOfMonth(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, 1) * DAY;
}

/** Joda's month difference (minuend - subtrahend) in whole months. */
function monthDifference(minuend: number, subtrahend: number): number {
  if (minuend < subtrahend) return -monthDifference(subtrahend, minuend);
  const md = Math.floor(minuend / DAY);
  const sd = Math.floor(subtrahend / DAY);
  const a = civilFromDays(md);
  const b = civilFromDays(sd);
  let difference = (a.year - b.year) * 12 + a.month - b.month;
  let sub = subtrahend;
  if (a.day === daysInMonth(a.year, a.month) && b.day > a.day) {
    sub = subtrahend - (b.day - a.day) * DAY;
  }
  const minuendRem = minuend - startOfMonth(md);
  const subRem = sub - startOfMonth(sd);
  if (minuendRem < subRem) difference--;
  return difference;
}

const FEB_29 = (31 + 28) * DAY;

/** Joda's year difference (BasicChronology.getYearDifference). */
function yearDifference(minuend: number, subtrahend: number): number {
  if (minuend < subtrahend) return -yearDifference(subtrahend, minuend);
  const my = civilFromDays(Math.floor(minuend / DAY)).year;
  const sy = civilFromDays(Math.floor(subtrahend / DAY)).year;
  let minuendRem = minuend - daysFromCivil(my, 1, 1) * DAY;
  let subRem = subtrahend - daysFromCivil(sy, 1, 1) * DAY;
  if (subRem >= FEB_29 && isLeapYear(sy)) {
    if (!isLeapYear(my)) subRem -= DAY;
  } else if (minuendRem >= FEB_29 && isLeapYear(my)) {
    if (!isLeapYear(sy)) minuendRem -= DAY;
  }
  let difference = my - sy;
  if (minuendRem < subRem) difference--;
  return difference;
}

/** date_diff(unit, a, b) on local milliseconds: whole units from a to b. */
function diffLocal(unit: Unit, a: number, b: number): number {
  const precise = UNIT_MILLIS[unit];
  if (precise !== undefined) return Math.trunc((b - a) / precise) + 0;
  if (unit === 'month') return monthDifference(b, a);
  if (unit === 'quarter') return Math.trunc(monthDifference(b, a) / 3) + 0;
  return yearDifference(b, a);
}

// ---------------------------------------------------------------------------------------------
// Type-specific operations

function truncTimestamp(p: number) {
  return (_c: FunctionContext, unit: string, v: Int64 | LongTimestamp) => {
    const u = timestampUnit(unit);
    const s = splitTimestamp(v, p);
    return joinTimestamp(truncateLocal(u, s.millis), 0, p);
  };
}

function truncTimestampTz() {
  return (_c: FunctionContext, unit: string, v: TimestampWithTimeZone) => {
    const u = timestampUnit(unit);
    const local = epochToLocal(v.timeZone, v.epochMillis);
    const truncated = truncateLocal(u, local);
    const epoch =
      UNIT_MILLIS[u] !== undefined && u !== 'day' && u !== 'week'
        ? v.epochMillis - (local - truncated)
        : localToEpoch(v.timeZone, truncated, v.epochMillis);
    return tstz(epoch, 0, v.timeZone);
  };
}

function addTimestamp(p: number) {
  return (_c: FunctionContext, unit: string, value: Int64, v: Int64 | LongTimestamp) => {
    const u = timestampUnit(unit);
    const s = splitTimestamp(v, p);
    return joinTimestamp(addLocal(u, value, s.millis), s.picos, p);
  };
}

function addTimestampTz() {
  return (_c: FunctionContext, unit: string, value: Int64, v: TimestampWithTimeZone) => {
    const u = timestampUnit(unit);
    if (u === 'millisecond' || u === 'second' || u === 'minute' || u === 'hour') {
      return tstz(addLocal(u, value, v.epochMillis), v.picosOfMilli, v.timeZone);
    }
    const local = epochToLocal(v.timeZone, v.epochMillis);
    return tstz(
      localToEpoch(v.timeZone, addLocal(u, value, local), v.epochMillis),
      v.picosOfMilli,
      v.timeZone,
    );
  };
}

function diffTimestamp(p: number) {
  return (_c: FunctionContext, unit: string, a: Int64 | LongTimestamp, b: Int64 | LongTimestamp) =>
    diffLocal(timestampUnit(unit), splitTimestamp(a, p).millis, splitTimestamp(b, p).millis);
}

function diffTimestampTz() {
  return (_c: FunctionContext, unit: string, a: TimestampWithTimeZone, b: TimestampWithTimeZone) => {
    const u = timestampUnit(unit);
    if (u === 'millisecond' || u === 'second' || u === 'minute' || u === 'hour') {
      return diffLocal(u, a.epochMillis, b.epochMillis);
    }
    // Trino uses the chronology (zone) of the first argument for both
    const zone = a.timeZone;
    return diffLocal(u, epochToLocal(zone, a.epochMillis), epochToLocal(zone, b.epochMillis));
  };
}

const TIME_UNIT_PICOS: Record<string, bigint> = {
  millisecond: 1_000_000_000n,
  second: 1_000_000_000_000n,
  minute: 60_000_000_000_000n,
  hour: 3_600_000_000_000_000n,
};

function floorModBig(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m < 0n ? m + b : m;
}

function truncTimePicos(unit: string, picos: bigint): bigint {
  const step = TIME_UNIT_PICOS[timeUnit(unit)];
  return picos - (picos % step);
}

function addTimePicos(unit: string, value: Int64, picos: bigint): bigint {
  const step = TIME_UNIT_PICOS[timeUnit(unit)];
  return floorModBig(picos + big(value) * step, PICOS_PER_DAY);
}

function diffTimePicos(unit: string, a: bigint, b: bigint): Int64 {
  const step = TIME_UNIT_PICOS[timeUnit(unit)];
  return int64((b - a) / step);
}

function addDate(unit: string, value: Int64, days: number): number {
  const u = dateUnit(unit);
  const r = Math.floor(addLocal(u, value, days * DAY) / DAY);
  if (r > 2147483647 || r < -2147483648) throw outOfRange(`Value out of range: ${value}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Current time

function sessionZone(ctx: FunctionContext): string {
  return ctx.timeZone || 'UTC';
}

export function currentTimestamp(ctx: FunctionContext, precision = 3): TimestampWithTimeZone | unknown {
  const v = tstz(ctx.startTime, 0, sessionZone(ctx));
  return precision === 3
    ? v
    : castValue(v, { kind: 'timestamp_tz', precision: 3 }, { kind: 'timestamp_tz', precision });
}

export function localTimestamp(ctx: FunctionContext, precision = 3): unknown {
  const local = epochToLocal(sessionZone(ctx), ctx.startTime);
  return joinTimestamp(local, 0, precision);
}

export function currentTime(ctx: FunctionContext, precision = 3): TimeWithTimeZone {
  const zone = sessionZone(ctx);
  const offset = zoneOffsetMillis(zone, ctx.startTime);
  const msOfDay = floorMod(ctx.startTime + offset, DAY);
  return {
    time: timeFromPicos(BigInt(msOfDay) * PICOS_PER_MILLI, precision),
    offsetMinutes: Math.trunc(offset / 60000),
  };
}

export function localTime(ctx: FunctionContext, precision = 3): number | bigint {
  const msOfDay = floorMod(epochToLocal(sessionZone(ctx), ctx.startTime), DAY);
  return timeFromPicos(BigInt(msOfDay) * PICOS_PER_MILLI, precision);
}

export function currentDate(ctx: FunctionContext): number {
  return Math.floor(epochToLocal(sessionZone(ctx), ctx.startTime) / DAY);
}

/** AT TIME ZONE for timestamp with time zone: same instant, another zone. */
export function atTimeZone(value: TimestampWithTimeZone, zone: string): TimestampWithTimeZone {
  return { epochMillis: value.epochMillis, picosOfMilli: value.picosOfMilli, timeZone: zoneKey(zone) };
}

// ---------------------------------------------------------------------------------------------
// Formatting and parsing

function tstzFields(v: TimestampWithTimeZone) {
  const offset = zoneOffsetMillis(v.timeZone, v.epochMillis);
  return {
    localMillis: v.epochMillis + offset,
    offsetMillis: offset,
    zoneId: v.timeZone,
    epochMillis: v.epochMillis,
  };
}

function timestampFields(millis: number) {
  return { localMillis: millis, offsetMillis: 0, zoneId: 'UTC', epochMillis: millis };
}

function parseOrThrow(tokens: readonly Token[], text: string) {
  try {
    return parseDateTime(tokens, text);
  } catch (e) {
    if (e instanceof DateTimeFormatError) throw invalidArgument(e.message);
    throw e;
  }
}

function dateParse(text: string, format: string): Int64 {
  const parsed = parseOrThrow(compileMysqlPattern(format), text);
  return joinTimestamp(parsed.localMillis, 0, 3) as Int64;
}

function parseDatetime(ctx: FunctionContext, text: string, format: string): TimestampWithTimeZone {
  const parsed = parseOrThrow(compileJodaPattern(format), text);
  if (parsed.offsetMillis !== undefined) {
    const minutes = Math.trunc(parsed.offsetMillis / 60000);
    return tstz(parsed.localMillis - parsed.offsetMillis, 0, zoneIdForOffsetMinutes(minutes));
  }
  const zone = parsed.zoneId ?? sessionZone(ctx);
  const epoch = localMillisToEpoch(zone, parsed.localMillis);
  if (epoch === undefined) {
    throw invalidArgument(
      `Cannot parse "${text}": Illegal instant due to time zone offset transition (${zone})`,
    );
  }
  return tstz(epoch, 0, zone);
}

// ISO 8601 (Joda's ISODateTimeFormat.dateTimeParser / dateParser)

const ISO_DATE = '([+-]?\\d{4,9})(?:-(?:(\\d{2})(?:-(\\d{2}))?|W(\\d{2})(?:-(\\d))?|(\\d{3})))?';
const ISO_TIME = '(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?';
const ISO_OFFSET = '(Z|[+-]\\d{2}(?::?\\d{2})?)';
const ISO_DATETIME = new RegExp(`^${ISO_DATE}(?:T${ISO_TIME}?${ISO_OFFSET}?)?$`);
const ISO_DATE_ONLY = new RegExp(`^${ISO_DATE}$`);

function isoDays(m: RegExpExecArray, text: string): number {
  const year = Number(m[1]);
  if (m[6] !== undefined) {
    const doy = Number(m[6]);
    if (doy < 1 || doy > (isLeapYear(year) ? 366 : 365)) {
      throw invalidArgument(
        `Cannot parse "${text}": Value ${doy} for dayOfYear must be in the range [1,${isLeapYear(year) ? 366 : 365}]`,
      );
    }
    return daysFromCivil(year, 1, 1) + doy - 1;
  }
  if (m[4] !== undefined) {
    const week = Number(m[4]);
    const dow = m[5] === undefined ? 1 : Number(m[5]);
    const jan4 = daysFromCivil(year, 1, 4);
    return jan4 - (isoDayOfWeek(jan4) - 1) + (week - 1) * 7 + dow - 1;
  }
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) {
    throw invalidArgument(
      `Cannot parse "${text}": Value ${month} for monthOfYear must be in the range [1,12]`,
    );
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw invalidArgument(
      `Cannot parse "${text}": Value ${day} for dayOfMonth must be in the range [1,${daysInMonth(year, month)}]`,
    );
  }
  return daysFromCivil(year, month, day);
}

function malformed(text: string): TrinoError {
  // Joda reports the first position it could not parse; a whole-text report is close enough
  return invalidArgument(`Invalid format: "${text}" is malformed at "${text}"`);
}

function fromIso8601Timestamp(ctx: FunctionContext, text: string, precision: number): TimestampWithTimeZone {
  const m = ISO_DATETIME.exec(text);
  if (!m) throw malformed(text);
  const days = isoDays(m, text);
  const hour = m[7] === undefined ? 0 : Number(m[7]);
  const minute = m[8] === undefined ? 0 : Number(m[8]);
  const second = m[9] === undefined ? 0 : Number(m[9]);
  if (hour > 23 || minute > 59 || second > 59) {
    const [field, v] =
      hour > 23 ? ['hourOfDay', hour] : minute > 59 ? ['minuteOfHour', minute] : ['secondOfMinute', second];
    throw invalidArgument(
      `Cannot parse "${text}": Value ${v} for ${field} must be in the range [0,${field === 'hourOfDay' ? 23 : 59}]`,
    );
  }
  const fraction = m[10] ?? '';
  const fracPicos = BigInt((fraction + '000000000000').slice(0, 12));
  const roundedPicos =
    precision >= 12 ? fracPicos : (fracPicos / 10n ** BigInt(12 - precision)) * 10n ** BigInt(12 - precision);
  const localMillis =
    days * DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + Number(roundedPicos / PICOS_PER_MILLI);
  const picosOfMilli = Number(roundedPicos % PICOS_PER_MILLI);
  const offsetText = m[11];
  if (offsetText !== undefined) {
    let minutes = 0;
    if (offsetText !== 'Z') {
      const o = /^([+-])(\d{2}):?(\d{2})?$/.exec(offsetText)!;
      minutes = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + (o[3] === undefined ? 0 : Number(o[3])));
    }
    return tstz(localMillis - minutes * 60000, picosOfMilli, zoneIdForOffsetMinutes(minutes));
  }
  const zone = sessionZone(ctx);
  return tstz(localToEpoch(zone, localMillis), picosOfMilli, zone);
}

function fromIso8601Date(text: string): number {
  const m = ISO_DATE_ONLY.exec(text);
  if (!m) throw malformed(text);
  return isoDays(m, text);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function isoLocal(localMillis: number, picos: number, precision: number): string {
  const days = Math.floor(localMillis / DAY);
  const ms = localMillis - days * DAY;
  const date = formatDate(days).replace(/^(\d{5,})/, '+$1');
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  let frac = '';
  if (precision > 0) {
    const totalPicos = BigInt(ms % 1000) * PICOS_PER_MILLI + BigInt(picos);
    frac = '.' + totalPicos.toString().padStart(12, '0').slice(0, precision);
  }
  return `${date}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}`;
}

function toIso8601Tstz(v: TimestampWithTimeZone, precision: number): string {
  const offset = zoneOffsetMillis(v.timeZone, v.epochMillis);
  const minutes = Math.trunc(offset / 60000);
  const suffix = minutes === 0 ? 'Z' : zoneIdForOffsetMinutes(minutes);
  return isoLocal(v.epochMillis + offset, v.picosOfMilli, precision) + suffix;
}

// ---------------------------------------------------------------------------------------------
// Misc

const JAVA_ROUND = (x: number): number => {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
};

function fromUnixtime(unixtime: number, zone: string): TimestampWithTimeZone {
  if (!Number.isFinite(unixtime)) throw invalidArgument(`Invalid unixtime: ${unixtime}`);
  return tstz(JAVA_ROUND(unixtime * 1000), 0, zone);
}

function humanReadableSeconds(seconds: number): string {
  if (Number.isNaN(seconds)) throw invalidArgument('Invalid argument found: NaN');
  if (!Number.isFinite(seconds))
    throw invalidArgument(`Invalid argument found: ${seconds > 0 ? 'Infinity' : '-Infinity'}`);
  let rest = Math.abs(JAVA_ROUND(seconds));
  const units: [string, number][] = [
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const parts: string[] = [];
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return parts.length === 0 ? '0 seconds' : parts.join(', ');
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

function parseDuration(text: string): Int64 {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  const unit = m ? DURATION_UNITS[m[2]] : undefined;
  if (!m || unit === undefined)
    throw invalidArgument(`duration is not a valid data duration string: ${text}`);
  const ms = Math.round(Number(m[1]) * unit);
  if (!Number.isSafeInteger(ms)) throw outOfRange(`duration out of range: ${text}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Declarations

const DATETIME_TYPES = ['date', 'timestamp(p)', 'timestamp(p) with time zone'] as const;
const TIME_OF_DAY_TYPES = [
  'time(p)',
  'time(p) with time zone',
  'timestamp(p)',
  'timestamp(p) with time zone',
] as const;

function extractSpecs(
  name: FieldName,
  aliases: string[],
  description: string,
  types: readonly string[],
): ScalarFunctionSpec[] {
  return types.map((t) => ({
    name,
    aliases,
    arguments: [t],
    returns: 'bigint',
    description,
    specialize: (b: BoundFunction) => {
      const local = localMillisOf(b.argumentTypes[0]);
      return (_c: FunctionContext, v: unknown) => extractField(name, local(v));
    },
  }));
}

function intervalSpecs(): ScalarFunctionSpec[] {
  const ds = (name: string, f: (ms: bigint) => bigint, description: string): ScalarFunctionSpec => ({
    name,
    aliases: name === 'day' ? ['day_of_month'] : [],
    arguments: ['interval day to second'],
    returns: 'bigint',
    description,
    invoke: (_c, v: Int64) => int64(f(big(v))),
  });
  return [
    ds('day', (ms) => ms / 86_400_000n, 'Day of the month of the given interval'),
    ds('hour', (ms) => (ms % 86_400_000n) / 3_600_000n, 'Hour of the day of the given interval'),
    ds('minute', (ms) => (ms % 3_600_000n) / 60_000n, 'Minute of the hour of the given interval'),
    ds('second', (ms) => (ms % 60_000n) / 1000n, 'Second of the minute of the given interval'),
    ds('millisecond', (ms) => ms % 1000n, 'Millisecond of the second of the given interval'),
    {
      name: 'year',
      arguments: ['interval year to month'],
      returns: 'bigint',
      description: 'Year of the given interval',
      invoke: (_c, v: number) => Math.trunc(v / 12) + 0,
    },
    {
      name: 'month',
      arguments: ['interval year to month'],
      returns: 'bigint',
      description: 'Month of the year of the given interval',
      invoke: (_c, v: number) => (v % 12) + 0,
    },
  ];
}

function timeZoneFieldSpecs(): ScalarFunctionSpec[] {
  const specs: ScalarFunctionSpec[] = [];
  for (const [name, pick] of [
    ['timezone_hour', (m: number) => Math.trunc(m / 60) + 0],
    ['timezone_minute', (m: number) => (m % 60) + 0],
  ] as const) {
    specs.push(
      {
        name,
        arguments: ['timestamp(p) with time zone'],
        returns: 'bigint',
        description: `Time zone ${name === 'timezone_hour' ? 'hour' : 'minute'} of the given timestamp`,
        invoke: (_c, v: TimestampWithTimeZone) =>
          pick(Math.trunc(zoneOffsetMillis(v.timeZone, v.epochMillis) / 60000)),
      },
      {
        name,
        arguments: ['time(p) with time zone'],
        returns: 'bigint',
        description: `Time zone ${name === 'timezone_hour' ? 'hour' : 'minute'} of the given time`,
        invoke: (_c, v: TimeWithTimeZone) => pick(v.offsetMinutes),
      },
    );
  }
  return specs;
}

function truncAddDiffSpecs(): ScalarFunctionSpec[] {
  const truncD = 'Truncate to the specified precision';
  const addD = 'Add the specified amount of time to the given time';
  const diffD = 'Difference of the given times in the given unit';
  return [
    // date_trunc
    {
      name: 'date_trunc',
      arguments: ['varchar(x)', 'date'],
      returns: 'date',
      description: truncD,
      invoke: (_c, unit: string, d: number) => Math.floor(truncateLocal(dateUnit(unit), d * DAY) / DAY),
    },
    {
      name: 'date_trunc',
      arguments: ['varchar(x)', 'time(p)'],
      returns: 'time(p)',
      description: truncD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[1]);
        return (_c, unit: string, t: number | bigint) =>
          timeFromPicos(truncTimePicos(unit, timeToPicos(t, p)), p);
      },
    },
    {
      name: 'date_trunc',
      arguments: ['varchar(x)', 'time(p) with time zone'],
      returns: 'time(p) with time zone',
      description: truncD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[1]);
        return (_c, unit: string, t: TimeWithTimeZone) => ({
          time: timeFromPicos(truncTimePicos(unit, timeToPicos(t.time, p)), p),
          offsetMinutes: t.offsetMinutes,
        });
      },
    },
    {
      name: 'date_trunc',
      arguments: ['varchar(x)', 'timestamp(p)'],
      returns: 'timestamp(p)',
      description: truncD,
      specialize: (b) => truncTimestamp(precisionOf(b.argumentTypes[1])),
    },
    {
      name: 'date_trunc',
      arguments: ['varchar(x)', 'timestamp(p) with time zone'],
      returns: 'timestamp(p) with time zone',
      description: truncD,
      specialize: () => truncTimestampTz(),
    },
    // date_add
    {
      name: 'date_add',
      arguments: ['varchar(x)', 'bigint', 'date'],
      returns: 'date',
      description: addD,
      invoke: (_c, unit: string, value: Int64, d: number) => addDate(unit, value, d),
    },
    {
      name: 'date_add',
      arguments: ['varchar(x)', 'bigint', 'time(p)'],
      returns: 'time(p)',
      description: addD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[2]);
        return (_c, unit: string, value: Int64, t: number | bigint) =>
          timeFromPicos(addTimePicos(unit, value, timeToPicos(t, p)), p);
      },
    },
    {
      name: 'date_add',
      arguments: ['varchar(x)', 'bigint', 'time(p) with time zone'],
      returns: 'time(p) with time zone',
      description: addD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[2]);
        return (_c, unit: string, value: Int64, t: TimeWithTimeZone) => ({
          time: timeFromPicos(addTimePicos(unit, value, timeToPicos(t.time, p)), p),
          offsetMinutes: t.offsetMinutes,
        });
      },
    },
    {
      name: 'date_add',
      arguments: ['varchar(x)', 'bigint', 'timestamp(p)'],
      returns: 'timestamp(p)',
      description: addD,
      specialize: (b) => addTimestamp(precisionOf(b.argumentTypes[2])),
    },
    {
      name: 'date_add',
      arguments: ['varchar(x)', 'bigint', 'timestamp(p) with time zone'],
      returns: 'timestamp(p) with time zone',
      description: addD,
      specialize: () => addTimestampTz(),
    },
    // date_diff
    {
      name: 'date_diff',
      arguments: ['varchar(x)', 'date', 'date'],
      returns: 'bigint',
      description: diffD,
      invoke: (_c, unit: string, a: number, b: number) => diffLocal(dateUnit(unit), a * DAY, b * DAY),
    },
    {
      name: 'date_diff',
      arguments: ['varchar(x)', 'time(p)', 'time(p)'],
      returns: 'bigint',
      description: diffD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[1]);
        return (_c, unit: string, x: number | bigint, y: number | bigint) =>
          diffTimePicos(unit, timeToPicos(x, p), timeToPicos(y, p));
      },
    },
    {
      name: 'date_diff',
      arguments: ['varchar(x)', 'time(p) with time zone', 'time(p) with time zone'],
      returns: 'bigint',
      description: diffD,
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[1]);
        const utc = (t: TimeWithTimeZone) =>
          timeToPicos(t.time, p) - BigInt(t.offsetMinutes) * 60_000_000_000_000n;
        return (_c, unit: string, x: TimeWithTimeZone, y: TimeWithTimeZone) =>
          diffTimePicos(unit, utc(x), utc(y));
      },
    },
    {
      name: 'date_diff',
      arguments: ['varchar(x)', 'timestamp(p)', 'timestamp(p)'],
      returns: 'bigint',
      description: diffD,
      specialize: (b) => diffTimestamp(precisionOf(b.argumentTypes[1])),
    },
    {
      name: 'date_diff',
      arguments: ['varchar(x)', 'timestamp(p) with time zone', 'timestamp(p) with time zone'],
      returns: 'bigint',
      description: diffD,
      specialize: () => diffTimestampTz(),
    },
  ];
}

function formatSpecs(): ScalarFunctionSpec[] {
  return [
    {
      name: 'date_format',
      arguments: ['timestamp(p)', 'varchar(x)'],
      returns: 'varchar',
      description: 'Formats the given timestamp by the given format',
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[0]);
        return (_c, v: Int64 | LongTimestamp, f: string) =>
          formatDateTime(compileMysqlPattern(f), timestampFields(splitTimestamp(v, p).millis));
      },
    },
    {
      name: 'date_format',
      arguments: ['timestamp(p) with time zone', 'varchar(x)'],
      returns: 'varchar',
      description: 'Formats the given timestamp by the given format',
      invoke: (_c, v: TimestampWithTimeZone, f: string) =>
        formatDateTime(compileMysqlPattern(f), tstzFields(v)),
    },
    {
      name: 'date_parse',
      arguments: ['varchar(x)', 'varchar(y)'],
      returns: 'timestamp(3)',
      description: 'Parses the specified date/time by the given format',
      invoke: (_c, text: string, f: string) => dateParse(text, f),
    },
    {
      name: 'format_datetime',
      arguments: ['timestamp(p)', 'varchar(x)'],
      returns: 'varchar',
      description: 'Formats the given time by the given format',
      specialize: (b) => {
        const p = precisionOf(b.argumentTypes[0]);
        return (_c, v: Int64 | LongTimestamp, f: string) =>
          formatDateTime(compileJodaPattern(f), timestampFields(splitTimestamp(v, p).millis));
      },
    },
    {
      name: 'format_datetime',
      arguments: ['timestamp(p) with time zone', 'varchar(x)'],
      returns: 'varchar',
      description: 'Formats the given time by the given format',
      invoke: (_c, v: TimestampWithTimeZone, f: string) =>
        formatDateTime(compileJodaPattern(f), tstzFields(v)),
    },
    {
      name: 'parse_datetime',
      arguments: ['varchar(x)', 'varchar(y)'],
      returns: 'timestamp(3) with time zone',
      description: 'Parses the specified date/time by the given format',
      invoke: (c, text: string, f: string) => parseDatetime(c, text, f),
    },
  ];
}

function currentSpecs(): ScalarFunctionSpec[] {
  return [
    {
      name: 'current_date',
      arguments: [],
      returns: 'date',
      description: 'Current date',
      invoke: (c) => currentDate(c),
    },
    {
      name: 'current_time',
      arguments: [],
      returns: 'time(3) with time zone',
      description: 'Current time with time zone',
      invoke: (c) => currentTime(c),
    },
    {
      name: 'current_timestamp',
      arguments: [],
      returns: 'timestamp(3) with time zone',
      description: 'Current timestamp with time zone',
      invoke: (c) => currentTimestamp(c),
    },
    {
      name: 'now',
      arguments: [],
      returns: 'timestamp(3) with time zone',
      description: 'Current timestamp with time zone',
      invoke: (c) => currentTimestamp(c),
    },
    {
      name: 'localtime',
      arguments: [],
      returns: 'time(3)',
      description: 'Current time without time zone',
      invoke: (c) => localTime(c),
    },
    {
      name: 'localtimestamp',
      arguments: [],
      returns: 'timestamp(3)',
      description: 'Current timestamp without time zone',
      invoke: (c) => localTimestamp(c),
    },
    {
      name: 'current_timezone',
      arguments: [],
      returns: 'varchar',
      description: 'Current time zone',
      invoke: (c) => sessionZone(c),
    },
  ];
}

export const datetimeFunctions: ScalarFunctionSpec[] = [
  ...currentSpecs(),
  ...extractSpecs('year', [], 'Year of the given date/time', DATETIME_TYPES),
  ...extractSpecs('quarter', [], 'Quarter of the year of the given date/time', DATETIME_TYPES),
  ...extractSpecs('month', [], 'Month of the year of the given date/time', DATETIME_TYPES),
  ...extractSpecs('week', ['week_of_year'], 'Week of the year of the given date/time', DATETIME_TYPES),
  ...extractSpecs('day', ['day_of_month'], 'Day of the month of the given date/time', DATETIME_TYPES),
  ...extractSpecs('day_of_week', ['dow'], 'Day of the week of the given date/time', DATETIME_TYPES),
  ...extractSpecs('day_of_year', ['doy'], 'Day of the year of the given date/time', DATETIME_TYPES),
  ...extractSpecs('year_of_week', ['yow'], 'Year of the ISO week of the given date/time', DATETIME_TYPES),
  ...extractSpecs('hour', [], 'Hour of the day of the given time', TIME_OF_DAY_TYPES),
  ...extractSpecs('minute', [], 'Minute of the hour of the given time', TIME_OF_DAY_TYPES),
  ...extractSpecs('second', [], 'Second of the minute of the given time', TIME_OF_DAY_TYPES),
  ...extractSpecs('millisecond', [], 'Millisecond of the second of the given time', TIME_OF_DAY_TYPES),
  ...intervalSpecs(),
  ...timeZoneFieldSpecs(),
  ...truncAddDiffSpecs(),
  ...formatSpecs(),
  {
    name: 'from_unixtime',
    arguments: ['double'],
    returns: 'timestamp(3) with time zone',
    description: 'Converts a UNIX timestamp to a timestamp with the session time zone',
    invoke: (c, t: number) => fromUnixtime(t, sessionZone(c)),
  },
  {
    name: 'from_unixtime',
    arguments: ['double', 'varchar(x)'],
    returns: 'timestamp(3) with time zone',
    description: 'Converts a UNIX timestamp to a timestamp in the given zone',
    invoke: (_c, t: number, zone: string) => fromUnixtime(t, zoneKey(zone)),
  },
  {
    name: 'from_unixtime',
    arguments: ['double', 'bigint', 'bigint'],
    returns: 'timestamp(3) with time zone',
    description: 'Converts a UNIX timestamp to a timestamp with the given offset',
    invoke: (_c, t: number, hours: Int64, minutes: Int64) => {
      const offset = Number(big(hours) * 60n + big(minutes));
      if (Math.abs(offset) > 14 * 60) throw invalidArgument(`Invalid offset minutes ${offset}`);
      return fromUnixtime(t, zoneIdForOffsetMinutes(offset));
    },
  },
  {
    name: 'from_unixtime_nanos',
    arguments: ['bigint'],
    returns: 'timestamp(9) with time zone',
    description: 'Converts a UNIX timestamp in nanoseconds to a timestamp with the session time zone',
    invoke: (c, nanos: Int64) => {
      const n = big(nanos);
      const millis = n / 1_000_000n - (n % 1_000_000n < 0n ? 1n : 0n);
      return tstz(Number(millis), Number(n - millis * 1_000_000n) * 1000, sessionZone(c));
    },
  },
  {
    name: 'to_unixtime',
    arguments: ['timestamp(p) with time zone'],
    returns: 'double',
    description: 'Converts a timestamp to a UNIX timestamp (seconds)',
    invoke: (_c, v: TimestampWithTimeZone) => v.epochMillis / 1000 + v.picosOfMilli / 1e12,
  },
  {
    name: 'at_timezone',
    arguments: ['timestamp(p) with time zone', 'varchar(x)'],
    returns: 'timestamp(p) with time zone',
    description: 'Returns the same instant in another time zone',
    invoke: (_c, v: TimestampWithTimeZone, zone: string) => atTimeZone(v, zone),
  },
  {
    name: 'with_timezone',
    arguments: ['timestamp(p)', 'varchar(x)'],
    returns: 'timestamp(p) with time zone',
    description: 'Interprets the timestamp in the given time zone',
    specialize: (b) => {
      const p = precisionOf(b.argumentTypes[0]);
      return (_c, v: Int64 | LongTimestamp, zone: string) => {
        const key = zoneKey(zone);
        const s = splitTimestamp(v, p);
        return tstz(localToEpoch(key, s.millis, s.millis), s.picos, key);
      };
    },
  },
  {
    name: 'timezone',
    arguments: ['timestamp(p) with time zone'],
    returns: 'varchar',
    description: 'Time zone of the given timestamp',
    invoke: (_c, v: TimestampWithTimeZone) => v.timeZone,
  },
  ...DATETIME_TYPES.map((t): ScalarFunctionSpec => ({
    name: 'last_day_of_month',
    arguments: [t],
    returns: 'date',
    description: 'Last day of the month of the given date/time',
    specialize: (b) => {
      const local = localMillisOf(b.argumentTypes[0]);
      return (_c, v: unknown) => {
        const days = Math.floor(local(v) / DAY);
        const { year, month } = civilFromDays(days);
        return daysFromCivil(year, month, daysInMonth(year, month));
      };
    },
  })),
  {
    name: 'from_iso8601_timestamp',
    arguments: ['varchar(x)'],
    returns: 'timestamp(3) with time zone',
    description: 'Parses an ISO 8601 timestamp',
    invoke: (c, s: string) => fromIso8601Timestamp(c, s, 3),
  },
  {
    name: 'from_iso8601_timestamp_nanos',
    arguments: ['varchar(x)'],
    returns: 'timestamp(9) with time zone',
    description: 'Parses an ISO 8601 timestamp with nanosecond precision',
    invoke: (c, s: string) => fromIso8601Timestamp(c, s, 9),
  },
  {
    name: 'from_iso8601_date',
    arguments: ['varchar(x)'],
    returns: 'date',
    description: 'Parses an ISO 8601 date',
    invoke: (_c, s: string) => fromIso8601Date(s),
  },
  {
    name: 'to_iso8601',
    arguments: ['date'],
    returns: 'varchar(16)',
    description: 'Formats the date as ISO 8601',
    invoke: (_c, d: number) => formatDate(d),
  },
  {
    name: 'to_iso8601',
    arguments: ['timestamp(p)'],
    returns: 'varchar',
    description: 'Formats the timestamp as ISO 8601',
    specialize: (b) => {
      const p = precisionOf(b.argumentTypes[0]);
      return (_c, v: Int64 | LongTimestamp) => {
        const s = splitTimestamp(v, p);
        return isoLocal(s.millis, s.picos, p);
      };
    },
  },
  {
    name: 'to_iso8601',
    arguments: ['timestamp(p) with time zone'],
    returns: 'varchar',
    description: 'Formats the timestamp as ISO 8601',
    specialize: (b) => {
      const p = precisionOf(b.argumentTypes[0]);
      return (_c, v: TimestampWithTimeZone) => toIso8601Tstz(v, p);
    },
  },
  {
    name: 'human_readable_seconds',
    arguments: ['double'],
    returns: 'varchar',
    description: 'Converts a number of seconds to a readable duration',
    invoke: (_c, s: number) => humanReadableSeconds(s),
  },
  {
    name: 'to_milliseconds',
    arguments: ['interval day to second'],
    returns: 'bigint',
    description: 'Milliseconds of the given interval',
    invoke: (_c, v: Int64) => v,
  },
  {
    name: 'parse_duration',
    arguments: ['varchar(x)'],
    returns: 'interval day to second',
    description: 'Converts a duration string (e.g. 3.81 d) to an interval',
    invoke: (_c, s: string) => parseDuration(s),
  },
  ...['varchar(x)', 'timestamp(p)', 'timestamp(p) with time zone'].map((t): ScalarFunctionSpec => ({
    name: 'date',
    arguments: [t],
    returns: 'date',
    description: 'Converts to a date (same as CAST(x AS date))',
    specialize: (b) => {
      const from = b.argumentTypes[0];
      return (c, v: unknown) =>
        castValue(v, from, DATE, { timeZone: c.timeZone, startEpochMillis: c.startTime });
    },
  })),
];

/** Internals shared with other families (sequence) and tests. */
export const _datetime = { diffLocal, addLocal, truncateLocal, localToEpoch, splitTimestamp, joinTimestamp };
