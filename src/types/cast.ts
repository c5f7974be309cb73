/**
 * CAST(value AS type) for every pair `canCast` allows, on the value representation of values.ts.
 * Used for constant folding and as the reference implementation the expression compiler follows.
 *
 * Session-dependent casts (timestamp → timestamp with time zone, time → time with time zone, ...)
 * read the session time zone and query start instant from the CastContext.
 */

import { TrinoError } from '../errors';
import { bigFloorDiv, bigFloorMod, MILLIS_PER_HOUR, PICOS_PER_DAY, PICOS_PER_MILLI } from './calendar';
import { castFromVarchar, castToVarchar, formatValue, type CastContext } from './cast-varchar';
import { canCast } from './coercion';
import { ipAddressFromBytes, ipAddressToBytes, ipv4MappedBytes } from './ipaddress';
import {
  DateTimeParseError,
  localPicosToEpochPicos,
  offsetMinutesAt,
  roundPicos,
  roundTimePicos,
  timeFromPicos,
  timestampFromEpochPicos,
  timestampToEpochPicos,
  timestampTzFromEpochPicos,
  timestampTzToEpochPicos,
  timeToPicos,
} from './datetime';
import {
  booleanToDecimal,
  decimalToBigint,
  decimalToBoolean,
  decimalToDecimal,
  decimalToDouble,
  decimalToIntegral,
  decimalToReal,
  doubleToDecimal,
  integralToDecimal,
  realToDecimal,
} from './decimal';
import {
  doubleToBigint,
  doubleToSmallIntegral,
  integralToDouble,
  integralToIntegral,
  integralToReal,
  realToBigint,
  realToSmallIntegral,
} from './integer-arithmetic';
import { javaDoubleToString, javaFloatToString } from './float-format';
import { parseJson } from './json';
import { fixedOffsetMinutes, formatOffsetMinutes, zoneOffsetMillis } from './time-zone';
import { formatType, isIntegralType, typeEquals, type DecimalType, type SqlType } from './type';
import {
  trimTrailingSpaces,
  truncateCodePoints,
  type DecimalValue,
  type Int64,
  type LongTimestamp,
  type MapValue,
  type TimestampWithTimeZone,
  type TimeWithTimeZone,
} from './values';

export type { CastContext } from './cast-varchar';

function cannotCast(from: SqlType, to: SqlType): TrinoError {
  return new TrinoError('TYPE_MISMATCH', `Cannot cast ${formatType(from)} to ${formatType(to)}`);
}

function integralLabel(t: SqlType): 'BIGINT' | 'INTEGER' | 'SMALLINT' | 'TINYINT' {
  return t.kind.toUpperCase() as 'BIGINT' | 'INTEGER' | 'SMALLINT' | 'TINYINT';
}

/** CAST(value AS to) where value has type `from`; null stays null. */
export function castValue(value: unknown, from: SqlType, to: SqlType, ctx?: CastContext): unknown {
  if (value === null || value === undefined) return null;
  if (typeEquals(from, to)) return value;
  if (from.kind === 'unknown') return null;

  // Strings
  if (to.kind === 'varchar') return castToVarchar(value, from, to.length);
  if (to.kind === 'char') {
    if (from.kind === 'char') return trimTrailingSpaces(truncateCodePoints(value as string, to.length));
    if (from.kind === 'varchar') return castFromVarchar(value as string, to, ctx);
    throw cannotCast(from, to);
  }
  if (from.kind === 'varchar') return castFromVarchar(value as string, to, ctx);

  // Numbers and booleans
  if (isIntegralType(from)) return castFromIntegral(value as Int64, from, to);
  switch (from.kind) {
    case 'boolean':
      return castFromBoolean(value as boolean, from, to);
    case 'real':
    case 'double':
      return castFromFloating(value as number, from, to);
    case 'decimal':
      return castFromDecimal(value as DecimalValue, from, to);
    default:
      break;
  }

  // Date and time
  switch (from.kind) {
    case 'date':
    case 'time':
    case 'time_tz':
    case 'timestamp':
    case 'timestamp_tz':
      return castDateTime(value, from, to, ctx);
    default:
      break;
  }

  // Others
  if (from.kind === 'uuid' && to.kind === 'varbinary') return uuidToBytes(value as string);
  if (from.kind === 'varbinary' && to.kind === 'uuid') return bytesToUuid(value as Uint8Array);
  if (from.kind === 'ipaddress' && to.kind === 'varbinary') return ipAddressToBytes(value as string);
  if (from.kind === 'varbinary' && to.kind === 'ipaddress') return bytesToIpAddress(value as Uint8Array);
  if (from.kind === 'json') return castFromJson(value as string, to, ctx);
  if (from.kind === 'array' && to.kind === 'array') {
    return (value as unknown[]).map((v) => castValue(v, from.element, to.element, ctx));
  }
  if (from.kind === 'map' && to.kind === 'map') {
    const out: MapValue = (value as MapValue).map(([k, v]) => [
      castValue(k, from.key, to.key, ctx),
      castValue(v, from.value, to.value, ctx),
    ]);
    const seen = new Set<string>();
    for (const [k] of out) {
      const key = k === null ? 'null' : formatKey(k, to.key);
      if (seen.has(key)) throw new TrinoError('INVALID_CAST_ARGUMENT', 'Duplicate map keys are not allowed');
      seen.add(key);
    }
    return out;
  }
  if (from.kind === 'row' && to.kind === 'row' && from.fields.length === to.fields.length) {
    return (value as unknown[]).map((v, i) => castValue(v, from.fields[i].type, to.fields[i].type, ctx));
  }
  throw cannotCast(from, to);
}

function formatKey(k: unknown, t: SqlType): string {
  try {
    return formatValue(k, t);
  } catch {
    return JSON.stringify(k, (_key, v) =>
      typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v,
    );
  }
}

function castFromIntegral(v: Int64, from: SqlType, to: SqlType): unknown {
  switch (to.kind) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
      return integralToIntegral(v, to.kind);
    case 'real':
      return integralToReal(v);
    case 'double':
      return integralToDouble(v);
    case 'decimal':
      return integralToDecimal(v, to, integralLabel(from));
    case 'boolean':
      return v !== 0 && v !== 0n;
    case 'json':
      return String(v);
    default:
      throw cannotCast(from, to);
  }
}

function castFromBoolean(v: boolean, from: SqlType, to: SqlType): unknown {
  switch (to.kind) {
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
      return v ? 1 : 0;
    case 'decimal':
      return booleanToDecimal(v, to);
    case 'json':
      return v ? 'true' : 'false';
    default:
      throw cannotCast(from, to);
  }
}

function castFromFloating(x: number, from: SqlType, to: SqlType): unknown {
  const isReal = from.kind === 'real';
  switch (to.kind) {
    case 'bigint':
      return isReal ? realToBigint(x) : doubleToBigint(x);
    case 'tinyint':
    case 'smallint':
    case 'integer':
      return isReal ? realToSmallIntegral(x, to.kind) : doubleToSmallIntegral(x, to.kind);
    case 'real':
      return Math.fround(x);
    case 'double':
      return x;
    case 'decimal':
      return isReal ? realToDecimal(x, to) : doubleToDecimal(x, to);
    case 'boolean':
      return x !== 0;
    case 'json': {
      // Jackson writes Java's Double/Float.toString, quoting the non-numeric values.
      const text = isReal ? javaFloatToString(x) : javaDoubleToString(x);
      return Number.isFinite(x) ? text : `"${text}"`;
    }
    default:
      throw cannotCast(from, to);
  }
}

function castFromDecimal(v: DecimalValue, from: DecimalType, to: SqlType): unknown {
  switch (to.kind) {
    case 'decimal':
      return decimalToDecimal(v, from, to);
    case 'bigint':
      return decimalToBigint(v, from);
    case 'integer':
    case 'smallint':
    case 'tinyint':
      return decimalToIntegral(v, from, integralLabel(to) as 'INTEGER' | 'SMALLINT' | 'TINYINT');
    case 'double':
      return decimalToDouble(v, from);
    case 'real':
      return decimalToReal(v, from);
    case 'boolean':
      return decimalToBoolean(v);
    case 'json':
      return formatValue(v, from);
    default:
      throw cannotCast(from, to);
  }
}

function castFromJson(json: string, to: SqlType, ctx: CastContext | undefined): unknown {
  if (to.kind === 'json') return json;
  let node;
  try {
    node = parseJson(json);
  } catch (e) {
    throw new TrinoError(
      'INVALID_CAST_ARGUMENT',
      `Cannot cast to ${formatType(to)}. ${(e as Error).message}`,
    );
  }
  if (node.kind === 'null') return null;
  const fail = () => new TrinoError('INVALID_CAST_ARGUMENT', `Cannot cast '${json}' to ${formatType(to)}`);
  switch (to.kind) {
    case 'boolean':
      if (node.kind === 'boolean') return node.value;
      if (node.kind === 'number') return Number(node.text) !== 0;
      if (node.kind === 'string') return castFromVarchar(node.value, to, ctx);
      throw fail();
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'real':
    case 'double':
    case 'decimal': {
      if (node.kind === 'boolean') return castFromBoolean(node.value, { kind: 'boolean' }, to);
      if (node.kind === 'string') return castFromVarchar(node.value, to, ctx);
      if (node.kind !== 'number') throw fail();
      if (to.kind === 'decimal' || to.kind === 'real' || to.kind === 'double')
        return castFromVarchar(node.text, to, ctx);
      if (/[.eE]/.test(node.text)) return castFromFloating(Number(node.text), { kind: 'double' }, to);
      return castFromVarchar(node.text, to, ctx);
    }
    default:
      throw new TrinoError('NOT_SUPPORTED', `CAST(json AS ${formatType(to)}) is not supported yet`);
  }
}

// ---------------------------------------------------------------------------------------------
// Date and time

/** java.time ZonedDateTime.ofLocal: a gap moves later by its length, an overlap takes the earlier offset. */
function localPicosToEpochLenient(localPicos: bigint, zone: string): bigint {
  const strict = localPicosToEpochPicos(localPicos, zone);
  if (strict !== undefined) return strict;
  const localMillis = Number(bigFloorDiv(localPicos, PICOS_PER_MILLI));
  const before = zoneOffsetMillis(zone, localMillis - 18 * MILLIS_PER_HOUR);
  return localPicos - BigInt(before) * PICOS_PER_MILLI;
}

function sessionZone(ctx: CastContext | undefined): string {
  return ctx?.timeZone ?? 'UTC';
}

function sessionStart(ctx: CastContext | undefined): number {
  return ctx?.startEpochMillis ?? Date.now();
}

/** Local picoseconds (date-time as if UTC) of a timestamp with time zone in its own zone. */
function tstzLocalPicos(v: TimestampWithTimeZone): bigint {
  return timestampTzToEpochPicos(v) + BigInt(zoneOffsetMillis(v.timeZone, v.epochMillis)) * PICOS_PER_MILLI;
}

function castDateTime(value: unknown, from: SqlType, to: SqlType, ctx: CastContext | undefined): unknown {
  if (!canCast(from, to)) throw cannotCast(from, to);
  try {
    return castDateTimeUnchecked(value, from, to, ctx);
  } catch (e) {
    if (e instanceof DateTimeParseError) {
      throw new TrinoError(
        'INVALID_CAST_ARGUMENT',
        `Cannot cast ${formatType(from)} '${formatValue(value, from)}' to ${formatType(to)}: value out of range`,
        undefined,
        { cause: e },
      );
    }
    throw e;
  }
}

function castDateTimeUnchecked(
  value: unknown,
  from: SqlType,
  to: SqlType,
  ctx: CastContext | undefined,
): unknown {
  // Normalize the source to (local picos since epoch | time of day picos) + zone information.
  switch (from.kind) {
    case 'date': {
      const localPicos = BigInt(value as number) * PICOS_PER_DAY;
      return fromLocal(localPicos, undefined, to, ctx);
    }
    case 'timestamp': {
      const localPicos = timestampToEpochPicos(value as Int64 | LongTimestamp, from.precision);
      return fromLocal(localPicos, undefined, to, ctx);
    }
    case 'timestamp_tz': {
      const v = value as TimestampWithTimeZone;
      if (to.kind === 'timestamp_tz') {
        return timestampTzFromEpochPicos(roundPicos(timestampTzToEpochPicos(v), to.precision), v.timeZone);
      }
      if (to.kind === 'time_tz') {
        const offsetMinutes = Math.trunc(zoneOffsetMillis(v.timeZone, v.epochMillis) / 60_000);
        const picosOfDay = roundTimePicos(bigFloorMod(tstzLocalPicos(v), PICOS_PER_DAY), to.precision);
        const r: TimeWithTimeZone = { time: timeFromPicos(picosOfDay, to.precision), offsetMinutes };
        return r;
      }
      return fromLocal(tstzLocalPicos(v), v.timeZone, to, ctx);
    }
    case 'time': {
      const picosOfDay = timeToPicos(value as number | bigint, from.precision);
      if (to.kind === 'time') return timeFromPicos(roundTimePicos(picosOfDay, to.precision), to.precision);
      if (to.kind === 'time_tz') {
        const offsetMinutes = offsetMinutesAt(sessionZone(ctx), sessionStart(ctx));
        const r: TimeWithTimeZone = {
          time: timeFromPicos(roundTimePicos(picosOfDay, to.precision), to.precision),
          offsetMinutes,
        };
        return r;
      }
      // time → timestamp: on the session's current date.
      const start = sessionStart(ctx);
      const localStartMillis = start + zoneOffsetMillis(sessionZone(ctx), start);
      const day = BigInt(Math.floor(localStartMillis / 86_400_000));
      return fromLocal(day * PICOS_PER_DAY + picosOfDay, undefined, to, ctx);
    }
    case 'time_tz': {
      const v = value as TimeWithTimeZone;
      const picosOfDay = timeToPicos(v.time, from.precision);
      if (to.kind === 'time') return timeFromPicos(roundTimePicos(picosOfDay, to.precision), to.precision);
      if (to.kind === 'time_tz') {
        const r: TimeWithTimeZone = {
          time: timeFromPicos(roundTimePicos(picosOfDay, to.precision), to.precision),
          offsetMinutes: v.offsetMinutes,
        };
        return r;
      }
      // time with time zone → timestamp: today's date at that offset.
      const zone = v.offsetMinutes === 0 ? 'UTC' : formatOffsetMinutes(v.offsetMinutes);
      const start = sessionStart(ctx);
      const localStartMillis = start + v.offsetMinutes * 60_000;
      const day = BigInt(Math.floor(localStartMillis / 86_400_000));
      return fromLocal(day * PICOS_PER_DAY + picosOfDay, zone, to, ctx);
    }
    default:
      throw cannotCast(from, to);
  }
}

/**
 * Converts a local date-time (picoseconds since 1970-01-01T00:00 local) to `to`. `zone` is the zone
 * the local time belongs to (undefined for zone-less sources, which use the session zone when a
 * zone is needed).
 */
function fromLocal(
  localPicos: bigint,
  zone: string | undefined,
  to: SqlType,
  ctx: CastContext | undefined,
): unknown {
  switch (to.kind) {
    case 'date': {
      const days = bigFloorDiv(localPicos, PICOS_PER_DAY);
      return Number(days);
    }
    case 'timestamp':
      return timestampFromEpochPicos(roundPicos(localPicos, to.precision), to.precision);
    case 'timestamp_tz': {
      const z = zone ?? sessionZone(ctx);
      const epoch = localPicosToEpochLenient(roundPicos(localPicos, to.precision), z);
      return timestampTzFromEpochPicos(epoch, z);
    }
    case 'time':
      return timeFromPicos(
        roundTimePicos(bigFloorMod(localPicos, PICOS_PER_DAY), to.precision),
        to.precision,
      );
    case 'time_tz': {
      const z = zone ?? sessionZone(ctx);
      const rounded = roundPicos(localPicos, to.precision);
      const epoch = localPicosToEpochLenient(rounded, z);
      const fixed = fixedOffsetMinutes(z);
      const offsetMinutes =
        fixed ?? Math.trunc(zoneOffsetMillis(z, Number(bigFloorDiv(epoch, PICOS_PER_MILLI))) / 60_000);
      const r: TimeWithTimeZone = {
        time: timeFromPicos(bigFloorMod(rounded, PICOS_PER_DAY), to.precision),
        offsetMinutes,
      };
      return r;
    }
    default:
      throw new TrinoError('TYPE_MISMATCH', `Cannot cast to ${formatType(to)}`);
  }
}

/** 16 bytes as they are, 4 bytes as an IPv4-mapped address (Trino's varbinary → ipaddress). */
function bytesToIpAddress(bytes: Uint8Array): string {
  if (bytes.length === 16) return ipAddressFromBytes(bytes);
  if (bytes.length === 4) return ipAddressFromBytes(ipv4MappedBytes(bytes));
  throw new TrinoError('INVALID_CAST_ARGUMENT', `Invalid IP address binary length: ${bytes.length}`);
}

// ---------------------------------------------------------------------------------------------
// uuid

function uuidToBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function bytesToUuid(bytes: Uint8Array): string {
  if (bytes.length !== 16)
    throw new TrinoError('INVALID_CAST_ARGUMENT', 'Invalid UUID binary length: ' + bytes.length);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
