/**
 * Validation of the value representation (values.ts): whether a JS value is a well-formed value of
 * a SQL type. Meant for assertions in tests, connectors and debugging builds, not for hot loops.
 */

import type { SqlType } from './type';
import {
  codePointLength,
  type LongTimestamp,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
} from './values';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function isInt64(v: unknown): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0);
  if (typeof v === 'bigint')
    return v >= INT64_MIN && v <= INT64_MAX && (v > 9007199254740991n || v < -9007199254740991n);
  return false;
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max && !Object.is(v, -0);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTime(v: unknown, precision: number): boolean {
  const unit = 10n ** BigInt(12 - precision);
  if (precision <= 9) {
    return isIntIn(v, 0, 86_399_999_999_999) && (BigInt(v as number) * 1000n) % unit === 0n;
  }
  return typeof v === 'bigint' && v >= 0n && v < 86_400_000_000_000_000n && v % unit === 0n;
}

/** Returns undefined when `value` is a valid value of `type` (null is valid for every type), else a reason. */
export function checkValue(value: unknown, type: SqlType): string | undefined {
  if (value === null) return undefined;
  const bad = (why: string) => `${why}: ${typeof value === 'bigint' ? `${value}n` : String(value)}`;
  switch (type.kind) {
    case 'unknown':
      return bad('unknown holds only null');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad('not a boolean');
    case 'tinyint':
      return isIntIn(value, -128, 127) ? undefined : bad('not a tinyint');
    case 'smallint':
      return isIntIn(value, -32768, 32767) ? undefined : bad('not a smallint');
    case 'integer':
      return isIntIn(value, -2147483648, 2147483647) ? undefined : bad('not an integer');
    case 'bigint':
      return isInt64(value) ? undefined : bad('not a normalized Int64');
    case 'real':
      return typeof value === 'number' && (Number.isNaN(value) || Math.fround(value) === value)
        ? undefined
        : bad('not a float32 value');
    case 'double':
      return typeof value === 'number' ? undefined : bad('not a number');
    case 'decimal': {
      const limit = 10n ** BigInt(type.precision);
      if (type.precision <= 15) {
        return typeof value === 'number' &&
          Number.isSafeInteger(value) &&
          Math.abs(value) < Number(limit) &&
          !Object.is(value, -0)
          ? undefined
          : bad(`not a decimal(${type.precision},${type.scale}) number`);
      }
      return typeof value === 'bigint' && value < limit && value > -limit
        ? undefined
        : bad(`not a decimal(${type.precision},${type.scale}) bigint`);
    }
    case 'varchar':
      return typeof value === 'string' && (type.length === undefined || codePointLength(value) <= type.length)
        ? undefined
        : bad('not a varchar');
    case 'char':
      return typeof value === 'string' && !value.endsWith(' ') && codePointLength(value) <= type.length
        ? undefined
        : bad('not a char value (no trailing spaces)');
    case 'varbinary':
      return value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]'
        ? undefined
        : bad('not a Uint8Array');
    case 'date':
      return isIntIn(value, -2147483648, 2147483647) ? undefined : bad('not a date');
    case 'time':
      return isTime(value, type.precision) ? undefined : bad(`not a time(${type.precision})`);
    case 'time_tz': {
      const v = value as TimeWithTimeZone;
      return isObject(value) && isTime(v.time, type.precision) && isIntIn(v.offsetMinutes, -840, 840)
        ? undefined
        : bad('not a time with time zone');
    }
    case 'timestamp': {
      if (type.precision <= 6) {
        if (!isInt64(value)) return bad('not a timestamp (Int64 micros)');
        const unit = 10n ** BigInt(6 - type.precision);
        return BigInt(value as number | bigint) % unit === 0n
          ? undefined
          : bad(`not rounded to timestamp(${type.precision})`);
      }
      const v = value as LongTimestamp;
      const unit = 10 ** (12 - type.precision);
      return isObject(value) &&
        isInt64(v.epochMicros) &&
        isIntIn(v.picosOfMicro, 0, 999_999) &&
        v.picosOfMicro % unit === 0
        ? undefined
        : bad('not a long timestamp');
    }
    case 'timestamp_tz': {
      const v = value as TimestampWithTimeZone;
      const unit = 10 ** (12 - type.precision);
      const fraction = isObject(value)
        ? (((v.epochMillis % 1000) + 1000) % 1000) * 1e9 + v.picosOfMilli
        : NaN;
      return isObject(value) &&
        isIntIn(v.epochMillis, -(2 ** 51 - 1), 2 ** 51 - 1) &&
        isIntIn(v.picosOfMilli, 0, 999_999_999) &&
        typeof v.timeZone === 'string' &&
        v.timeZone !== '' &&
        fraction % unit === 0
        ? undefined
        : bad('not a timestamp with time zone');
    }
    case 'interval_year_to_month':
      return isIntIn(value, -2147483648, 2147483647) ? undefined : bad('not months');
    case 'interval_day_to_second':
      return isInt64(value) ? undefined : bad('not Int64 millis');
    case 'json':
      return typeof value === 'string' ? undefined : bad('not JSON text');
    case 'ipaddress':
      return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? undefined : bad('not an ipaddress');
    case 'uuid':
      return typeof value === 'string' &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
        ? undefined
        : bad('not a uuid');
    case 'array': {
      if (!Array.isArray(value)) return bad('not an array');
      for (const e of value) {
        const r = checkValue(e, type.element);
        if (r) return `element ${r}`;
      }
      return undefined;
    }
    case 'map': {
      if (!Array.isArray(value)) return bad('not a map entry array');
      for (const entry of value) {
        if (!Array.isArray(entry) || entry.length !== 2) return 'map entry is not a [key, value] pair';
        if (entry[0] === null) return 'map key is null';
        const r = checkValue(entry[0], type.key) ?? checkValue(entry[1], type.value);
        if (r) return `map entry ${r}`;
      }
      return undefined;
    }
    case 'row': {
      if (!Array.isArray(value) || value.length !== type.fields.length)
        return bad('not a row of the right arity');
      for (let i = 0; i < value.length; i++) {
        const r = checkValue(value[i], type.fields[i].type);
        if (r) return `field ${i + 1} ${r}`;
      }
      return undefined;
    }
  }
}
