/**
 * Time zones: Trino's zone keys and offset arithmetic.
 *
 * A zone is identified by Trino's TimeZoneKey id: `UTC`, an IANA region id (`America/New_York`,
 * also legacy aliases such as `US/Pacific`, kept as spelled), or a fixed offset `+05:30` /
 * `-08:00` (within ±14:00). `normalizeTimeZoneId` maps every spelling Trino accepts onto its key id
 * (TimeZoneKey.normalizeZoneId and ZoneId.of rules: `Z`, `GMT`, `UT+0` → `UTC`; `GMT+7` →
 * `+07:00`; `Etc/GMT+5` → `-05:00`; `+0530`, `+5` → `+05:30`, `+05:00`).
 *
 * Offsets of region zones come from the ICU time zone database behind `Intl` (Node ships full
 * ICU), computed to the second (so pre-1900 local mean time offsets match java.time).
 */

import {
  civilFromDays,
  daysFromCivil,
  floorMod,
  MILLIS_PER_DAY,
  MILLIS_PER_HOUR,
  MILLIS_PER_MINUTE,
} from './calendar';

/** Thrown for a zone id Trino would not accept; callers turn it into the right TrinoError. */
export class InvalidTimeZoneError extends Error {
  constructor(readonly zoneId: string) {
    super(`Time zone not supported: ${zoneId}`);
    this.name = 'InvalidTimeZoneError';
  }
}

const UTC_EQUIVALENTS = new Set([
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'UT',
  'UT+0',
  'UT-0',
  'Etc/UT',
  'Etc/UT+0',
  'Etc/UT-0',
  'UTC',
  'UTC+0',
  'UTC-0',
  'Etc/UTC',
  'Etc/UTC+0',
  'Etc/UTC-0',
  '+0000',
  '+00:00',
  '-0000',
  '-00:00',
  'Z',
  'Zulu',
  'UCT',
  'Greenwich',
  'Universal',
  'Etc/Universal',
  'Etc/UCT',
]);

const UTC_OFFSET_PREFIXES = ['Etc/GMT', 'Etc/UTC', 'Etc/UT', 'GMT', 'UTC', 'UT'];

/** Largest offset Trino's zone index holds, in minutes. */
export const MAX_OFFSET_MINUTES = 14 * 60;

/** `+HH:MM` for an offset in minutes (0 is `UTC`, as Trino's getTimeZoneKeyForOffset). */
export function zoneIdForOffsetMinutes(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  return formatOffsetMinutes(offsetMinutes);
}

/** `+HH:MM` / `-HH:MM` for an offset in minutes (no UTC special case). */
export function formatOffsetMinutes(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  const h = Math.floor(a / 60);
  const m = a % 60;
  return `${sign}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

const FIXED_OFFSET_ID = /^([+-])(\d\d):(\d\d)$/;

/** The offset in minutes of a `+HH:MM` key id, or undefined for any other id. */
export function fixedOffsetMinutes(zoneId: string): number | undefined {
  if (zoneId === 'UTC') return 0;
  const m = FIXED_OFFSET_ID.exec(zoneId);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function offsetKey(
  hours: number,
  minutes: number,
  seconds: number,
  negative: boolean,
  original: string,
): string {
  if (hours > 18 || minutes > 59 || seconds > 59) throw new InvalidTimeZoneError(original);
  const total = hours * 60 + minutes;
  if (seconds !== 0 || total > MAX_OFFSET_MINUTES) throw new InvalidTimeZoneError(original);
  if (total === 0) return 'UTC';
  return formatOffsetMinutes(negative ? -total : total);
}

/** java.time ZoneOffset.of forms: +h, +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss. */
function parseOffsetId(id: string): string | undefined {
  const m = /^([+-])(?:(\d)|(\d\d)|(\d\d):(\d\d)|(\d\d)(\d\d)|(\d\d):(\d\d):(\d\d)|(\d\d)(\d\d)(\d\d))$/.exec(
    id,
  );
  if (!m) return undefined;
  const negative = m[1] === '-';
  if (m[2] !== undefined) return offsetKey(Number(m[2]), 0, 0, negative, id);
  if (m[3] !== undefined) return offsetKey(Number(m[3]), 0, 0, negative, id);
  if (m[4] !== undefined) return offsetKey(Number(m[4]), Number(m[5]), 0, negative, id);
  if (m[6] !== undefined) return offsetKey(Number(m[6]), Number(m[7]), 0, negative, id);
  if (m[8] !== undefined) return offsetKey(Number(m[8]), Number(m[9]), Number(m[10]), negative, id);
  return offsetKey(Number(m[11]), Number(m[12]), Number(m[13]), negative, id);
}

let canonicalZoneNames: Map<string, string> | undefined;
const validRegionCache = new Map<string, boolean>();

function isKnownRegion(id: string): boolean {
  const cached = validRegionCache.get(id);
  if (cached !== undefined) return cached;
  let ok: boolean;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id)) {
    ok = false;
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: id });
      // Intl matches names case-insensitively; Trino (java.time) does not.
      canonicalZoneNames ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
      const canonical = canonicalZoneNames.get(id.toLowerCase());
      ok = canonical === undefined || canonical === id;
    } catch {
      ok = false;
    }
  }
  if (validRegionCache.size > 10_000) validRegionCache.clear();
  validRegionCache.set(id, ok);
  return ok;
}

/**
 * Trino's zone key id for a zone spelling, or throws InvalidTimeZoneError.
 * Case-sensitive, as in Trino (`America/New_York`, not `AMERICA/NEW_YORK`).
 */
export function normalizeTimeZoneId(zoneId: string): string {
  if (zoneId === '') throw new InvalidTimeZoneError(zoneId);
  if (UTC_EQUIVALENTS.has(zoneId)) return 'UTC';
  for (const prefix of UTC_OFFSET_PREFIXES) {
    if (!zoneId.startsWith(prefix)) continue;
    const rest = zoneId.slice(prefix.length);
    if (rest === '' || (rest[0] !== '+' && rest[0] !== '-')) break;
    const m = /^([+-])(\d{1,2})(?::(\d{1,2}))?$/.exec(rest);
    if (!m) {
      // e.g. GMT+0700: java.time's own normalization gives GMT+07:00, not a Trino zone key.
      throw new InvalidTimeZoneError(zoneId);
    }
    let negative = m[1] === '-';
    if (prefix === 'Etc/GMT') negative = !negative;
    return offsetKey(Number(m[2]), m[3] === undefined ? 0 : Number(m[3]), 0, negative, zoneId);
  }
  const offset = parseOffsetId(zoneId);
  if (offset !== undefined) return offset;
  if (isKnownRegion(zoneId)) return zoneId;
  throw new InvalidTimeZoneError(zoneId);
}

// ---------------------------------------------------------------------------------------------
// Offsets

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** 400 Gregorian years: the calendar (and weekday) cycle, used to bring far instants into Date range. */
const CYCLE_MILLIS = 146097 * MILLIS_PER_DAY;
const DATE_LIMIT = 8.6e15;

/** Offset from UTC, in milliseconds, of `zone` (a normalized key id) at the instant `epochMillis`. */
export function zoneOffsetMillis(zone: string, epochMillis: number): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) return fixed * MILLIS_PER_MINUTE;
  let t = Math.floor(epochMillis / 1000) * 1000;
  if (t > DATE_LIMIT) t -= Math.ceil((t - DATE_LIMIT) / CYCLE_MILLIS) * CYCLE_MILLIS;
  else if (t < -DATE_LIMIT) t += Math.ceil((-DATE_LIMIT - t) / CYCLE_MILLIS) * CYCLE_MILLIS;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatterFor(zone).formatToParts(new Date(t))) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const local =
    daysFromCivil(year, month, day) * MILLIS_PER_DAY +
    hour * MILLIS_PER_HOUR +
    minute * MILLIS_PER_MINUTE +
    second * 1000;
  return local - t;
}

/** Local wall-clock milliseconds (as if UTC) of an instant in a zone. */
export function epochToLocalMillis(zone: string, epochMillis: number): number {
  return epochMillis + zoneOffsetMillis(zone, epochMillis);
}

/**
 * The instant at which the wall clock of `zone` shows `localMillis` (milliseconds since
 * 1970-01-01T00:00 local). During a backward transition (overlap) the earlier instant is chosen, as
 * java.time does; a local time skipped by a forward transition (gap) returns undefined — Trino
 * rejects such values ("Invalid TIMESTAMP due to daylight savings transition").
 */
export function localMillisToEpoch(zone: string, localMillis: number): number | undefined {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) return localMillis - fixed * MILLIS_PER_MINUTE;
  const candidates = new Set<number>([
    zoneOffsetMillis(zone, localMillis - 18 * MILLIS_PER_HOUR),
    zoneOffsetMillis(zone, localMillis),
    zoneOffsetMillis(zone, localMillis + 18 * MILLIS_PER_HOUR),
  ]);
  let best: number | undefined;
  for (const offset of candidates) {
    const instant = localMillis - offset;
    if (zoneOffsetMillis(zone, instant) === offset && (best === undefined || instant < best)) best = instant;
  }
  return best;
}

/** Local calendar fields of an instant in a zone. */
export interface LocalDateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millis: number;
}

/** Splits local wall-clock milliseconds into calendar fields. */
export function localFieldsFromMillis(localMillis: number): LocalDateTimeFields {
  const days = Math.floor(localMillis / MILLIS_PER_DAY);
  const msOfDay = floorMod(localMillis, MILLIS_PER_DAY);
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(msOfDay / MILLIS_PER_HOUR),
    minute: Math.floor((msOfDay % MILLIS_PER_HOUR) / MILLIS_PER_MINUTE),
    second: Math.floor((msOfDay % MILLIS_PER_MINUTE) / 1000),
    millis: msOfDay % 1000,
  };
}

/** Calendar fields of `epochMillis` as seen in `zone`. */
export function epochToLocalFields(zone: string, epochMillis: number): LocalDateTimeFields {
  return localFieldsFromMillis(epochToLocalMillis(zone, epochMillis));
}
