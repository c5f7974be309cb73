/**
 * Date/time pattern formatting and parsing with Joda-Time semantics, which Trino uses for
 * format_datetime / parse_datetime (Joda patterns: `yyyy-MM-dd HH:mm:ss.SSS Z`) and, through a
 * translation of MySQL specifiers, for date_format / date_parse (`%Y-%m-%d %H:%i:%s`).
 *
 * Implemented Joda letters: G C Y x w e E y D M d a K h H k m s S z Z and quoted text. Numeric
 * fields print at least `count` digits; while parsing, a numeric field followed directly by another
 * numeric field takes exactly `count` digits (Joda's rule), otherwise up to its maximum width.
 * Parse errors carry Joda's messages (`Invalid format: "x" is malformed at "x"`,
 * `Cannot parse "2013-02-31": Value 31 for dayOfMonth must be in the range [1,28]`).
 * Text is English (Joda's default locale in Trino). Time zone short names (`z`) come from ICU and
 * may differ from Joda's for some zones (Joda prints `CET` where ICU has `GMT+1`).
 */

import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  floorMod,
  isLeapYear,
  MILLIS_PER_DAY,
  normalizeTimeZoneId,
  zoneOffsetMillis,
  formatOffsetMinutes,
} from '../types';
import { invalidArgument } from './util';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type NumField =
  | 'year'
  | 'yearOfEra'
  | 'weekyear'
  | 'weekOfWeekyear'
  | 'monthOfYear'
  | 'dayOfMonth'
  | 'dayOfYear'
  | 'dayOfWeek'
  | 'hourOfDay'
  | 'clockhourOfDay'
  | 'hourOfHalfday'
  | 'clockhourOfHalfday'
  | 'minuteOfHour'
  | 'secondOfMinute'
  | 'centuryOfEra';

export type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'num'; field: NumField; minDigits: number; maxDigits: number; signed: boolean }
  | { kind: 'text'; field: 'monthOfYear' | 'dayOfWeek' | 'halfdayOfDay' | 'era'; long: boolean }
  | { kind: 'twoDigitYear'; field: 'year' | 'weekyear'; pivot: number }
  | { kind: 'fraction'; minDigits: number; maxDigits: number }
  | { kind: 'offset'; separators: boolean }
  | { kind: 'zoneId' }
  | { kind: 'zoneName'; long: boolean };

const MAX_DIGITS: Record<NumField, number> = {
  year: 9,
  yearOfEra: 9,
  weekyear: 9,
  weekOfWeekyear: 2,
  monthOfYear: 2,
  dayOfMonth: 2,
  dayOfYear: 3,
  dayOfWeek: 1,
  hourOfDay: 2,
  clockhourOfDay: 2,
  hourOfHalfday: 2,
  clockhourOfHalfday: 2,
  minuteOfHour: 2,
  secondOfMinute: 2,
  centuryOfEra: 9,
};

function num(field: NumField, minDigits: number, maxDigits = MAX_DIGITS[field], signed = false): Token {
  return { kind: 'num', field, minDigits, maxDigits: Math.max(maxDigits, minDigits), signed };
}

// ---------------------------------------------------------------------------------------------
// Pattern compilation

const jodaCache = new Map<string, Token[]>();

/** Joda's DateTimeFormat pivot for `yy` (SimpleDateFormat-compatible): the current year minus 30. */
function jodaTwoDigitPivot(): number {
  return new Date().getUTCFullYear() - 30;
}

function isNumericToken(letter: string, count: number): boolean {
  return 'CxyYceDdHhKkmsSw'.includes(letter) || (letter === 'M' && count <= 2);
}

/** Compiles a Joda-Time pattern (DateTimeFormat.forPattern). */
export function compileJodaPattern(pattern: string): Token[] {
  const cached = jodaCache.get(pattern);
  if (cached) return cached;
  // split into (letter, count) runs and literals
  const raw: ({ letter: string; count: number } | { text: string })[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      raw.push({ letter: c, count: j - i });
      i = j;
    } else if (c === "'") {
      if (pattern[i + 1] === "'") {
        raw.push({ text: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) break;
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          j++;
          break;
        }
        text += pattern[j];
        j++;
      }
      raw.push({ text });
      i = j;
    } else {
      raw.push({ text: c });
      i++;
    }
  }
  const tokens: Token[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    if ('text' in r) {
      tokens.push({ kind: 'literal', text: r.text });
      continue;
    }
    const next = raw[k + 1];
    const nextNumeric = next !== undefined && 'letter' in next && isNumericToken(next.letter, next.count);
    const n = r.count;
    const maxOr = (d: number) => (nextNumeric ? n : d);
    switch (r.letter) {
      case 'G':
        tokens.push({ kind: 'text', field: 'era', long: n >= 4 });
        break;
      case 'C':
        tokens.push(num('centuryOfEra', n, n));
        break;
      case 'x':
      case 'y':
      case 'Y': {
        const field: NumField = r.letter === 'x' ? 'weekyear' : r.letter === 'y' ? 'year' : 'yearOfEra';
        if (n === 2 && field !== 'yearOfEra') {
          tokens.push({
            kind: 'twoDigitYear',
            field: field as 'year' | 'weekyear',
            pivot: jodaTwoDigitPivot(),
          });
        } else if (n === 2) {
          tokens.push({ kind: 'twoDigitYear', field: 'year', pivot: jodaTwoDigitPivot() });
        } else {
          tokens.push(num(field, n, maxOr(9), field !== 'yearOfEra'));
        }
        break;
      }
      case 'w':
        tokens.push(num('weekOfWeekyear', n, maxOr(2)));
        break;
      case 'e':
        tokens.push(num('dayOfWeek', n, maxOr(1)));
        break;
      case 'E':
        tokens.push({ kind: 'text', field: 'dayOfWeek', long: n >= 4 });
        break;
      case 'D':
        tokens.push(num('dayOfYear', n, maxOr(3)));
        break;
      case 'M':
        if (n >= 3) tokens.push({ kind: 'text', field: 'monthOfYear', long: n >= 4 });
        else tokens.push(num('monthOfYear', n, maxOr(2)));
        break;
      case 'd':
        tokens.push(num('dayOfMonth', n, maxOr(2)));
        break;
      case 'a':
        tokens.push({ kind: 'text', field: 'halfdayOfDay', long: false });
        break;
      case 'h':
        tokens.push(num('clockhourOfHalfday', n, maxOr(2)));
        break;
      case 'H':
        tokens.push(num('hourOfDay', n, maxOr(2)));
        break;
      case 'k':
        tokens.push(num('clockhourOfDay', n, maxOr(2)));
        break;
      case 'K':
        tokens.push(num('hourOfHalfday', n, maxOr(2)));
        break;
      case 'm':
        tokens.push(num('minuteOfHour', n, maxOr(2)));
        break;
      case 's':
        tokens.push(num('secondOfMinute', n, maxOr(2)));
        break;
      case 'S':
        tokens.push({ kind: 'fraction', minDigits: n, maxDigits: n });
        break;
      case 'z':
        tokens.push({ kind: 'zoneName', long: n >= 4 });
        break;
      case 'Z':
        if (n === 1) tokens.push({ kind: 'offset', separators: false });
        else if (n === 2) tokens.push({ kind: 'offset', separators: true });
        else tokens.push({ kind: 'zoneId' });
        break;
      default:
        throw invalidArgument(`Illegal pattern component: ${r.letter.repeat(n)}`);
    }
  }
  if (jodaCache.size > 500) jodaCache.clear();
  jodaCache.set(pattern, tokens);
  return tokens;
}

const mysqlCache = new Map<string, Token[]>();

/** Compiles a MySQL date_format pattern into Joda tokens, as Trino's DateTimeFunctions does. */
export function compileMysqlPattern(pattern: string): Token[] {
  const cached = mysqlCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  const lit = (text: string) => tokens.push({ kind: 'literal', text });
  let escaped = false;
  for (const c of pattern) {
    if (!escaped) {
      if (c === '%') escaped = true;
      else lit(c);
      continue;
    }
    escaped = false;
    switch (c) {
      case 'a':
        tokens.push({ kind: 'text', field: 'dayOfWeek', long: false });
        break;
      case 'b':
        tokens.push({ kind: 'text', field: 'monthOfYear', long: false });
        break;
      case 'c':
        tokens.push(num('monthOfYear', 1));
        break;
      case 'd':
        tokens.push(num('dayOfMonth', 2));
        break;
      case 'e':
        tokens.push(num('dayOfMonth', 1));
        break;
      case 'f':
        tokens.push({ kind: 'fraction', minDigits: 6, maxDigits: 9 });
        break;
      case 'H':
        tokens.push(num('hourOfDay', 2));
        break;
      case 'h':
      case 'I':
        tokens.push(num('clockhourOfHalfday', 2));
        break;
      case 'i':
        tokens.push(num('minuteOfHour', 2));
        break;
      case 'j':
        tokens.push(num('dayOfYear', 3));
        break;
      case 'k':
        tokens.push(num('hourOfDay', 1));
        break;
      case 'l':
        tokens.push(num('clockhourOfHalfday', 1));
        break;
      case 'M':
        tokens.push({ kind: 'text', field: 'monthOfYear', long: true });
        break;
      case 'm':
        tokens.push(num('monthOfYear', 2));
        break;
      case 'p':
        tokens.push({ kind: 'text', field: 'halfdayOfDay', long: false });
        break;
      case 'r':
        tokens.push(num('clockhourOfHalfday', 2));
        lit(':');
        tokens.push(num('minuteOfHour', 2));
        lit(':');
        tokens.push(num('secondOfMinute', 2));
        lit(' ');
        tokens.push({ kind: 'text', field: 'halfdayOfDay', long: false });
        break;
      case 'S':
      case 's':
        tokens.push(num('secondOfMinute', 2));
        break;
      case 'T':
        tokens.push(num('hourOfDay', 2));
        lit(':');
        tokens.push(num('minuteOfHour', 2));
        lit(':');
        tokens.push(num('secondOfMinute', 2));
        break;
      case 'v':
        tokens.push(num('weekOfWeekyear', 2));
        break;
      case 'x':
        tokens.push(num('weekyear', 4, 4, true));
        break;
      case 'W':
        tokens.push({ kind: 'text', field: 'dayOfWeek', long: true });
        break;
      case 'Y':
        tokens.push(num('year', 4, 4, true));
        break;
      case 'y':
        tokens.push({ kind: 'twoDigitYear', field: 'year', pivot: 2020 });
        break;
      case '%':
        lit('%');
        break;
      case 'D':
      case 'U':
      case 'u':
      case 'V':
      case 'w':
      case 'X':
        throw invalidArgument(`%${c} not supported in date format string`);
      default:
        lit(c);
    }
  }
  if (escaped) lit('%');
  if (mysqlCache.size > 500) mysqlCache.clear();
  mysqlCache.set(pattern, tokens);
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Printing

/** Local calendar fields of an instant in a zone, plus zone facts. */
export interface DateTimeFields {
  /** Local wall-clock milliseconds since 1970-01-01T00:00 (the instant plus the zone offset). */
  readonly localMillis: number;
  readonly offsetMillis: number;
  readonly zoneId: string;
  /** Epoch milliseconds of the instant (for zone names). */
  readonly epochMillis: number;
}

function isoWeekFields(days: number): { weekyear: number; week: number; dow: number } {
  const dow = floorMod(days + 3, 7) + 1; // 1 = Monday
  const thursday = days - (dow - 1) + 3;
  const { year } = civilFromDays(thursday);
  const jan1 = daysFromCivil(year, 1, 1);
  return { weekyear: year, week: Math.floor((thursday - jan1) / 7) + 1, dow };
}

function padNumber(v: number, min: number): string {
  const s = Math.abs(v).toString();
  const padded = s.length >= min ? s : '0'.repeat(min - s.length) + s;
  return v < 0 ? '-' + padded : padded;
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

export function zoneName(zoneId: string, epochMillis: number, long: boolean): string {
  if (zoneId === 'UTC') return long ? 'Coordinated Universal Time' : 'UTC';
  if (/^[+-]\d\d:\d\d$/.test(zoneId)) return zoneId;
  const key = `${zoneId}|${long}`;
  let f = zoneNameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zoneId, timeZoneName: long ? 'long' : 'short' });
    zoneNameFormatters.set(key, f);
  }
  const t = Math.max(-8.64e15, Math.min(8.64e15, epochMillis));
  return f.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? zoneId;
}

function formatOffset(offsetMillis: number, separators: boolean): string {
  const totalMinutes = Math.trunc(offsetMillis / 60000);
  const s = formatOffsetMinutes(totalMinutes);
  return separators ? s : s.replace(':', '');
}

export function formatDateTime(tokens: readonly Token[], f: DateTimeFields): string {
  const days = Math.floor(f.localMillis / MILLIS_PER_DAY);
  const msOfDay = f.localMillis - days * MILLIS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(msOfDay / 3_600_000);
  const minute = Math.floor(msOfDay / 60_000) % 60;
  const second = Math.floor(msOfDay / 1000) % 60;
  const millis = msOfDay % 1000;
  let iso: { weekyear: number; week: number; dow: number } | undefined;
  const week = () => (iso ??= isoWeekFields(days));
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'num': {
        let v: number;
        switch (t.field) {
          case 'year':
            v = year;
            break;
          case 'yearOfEra':
            v = year <= 0 ? 1 - year : year;
            break;
          case 'centuryOfEra':
            v = Math.floor((year <= 0 ? 1 - year : year) / 100);
            break;
          case 'weekyear':
            v = week().weekyear;
            break;
          case 'weekOfWeekyear':
            v = week().week;
            break;
          case 'monthOfYear':
            v = month;
            break;
          case 'dayOfMonth':
            v = day;
            break;
          case 'dayOfYear':
            v = days - daysFromCivil(year, 1, 1) + 1;
            break;
          case 'dayOfWeek':
            v = week().dow;
            break;
          case 'hourOfDay':
            v = hour;
            break;
          case 'clockhourOfDay':
            v = hour === 0 ? 24 : hour;
            break;
          case 'hourOfHalfday':
            v = hour % 12;
            break;
          case 'clockhourOfHalfday':
            v = hour % 12 === 0 ? 12 : hour % 12;
            break;
          case 'minuteOfHour':
            v = minute;
            break;
          case 'secondOfMinute':
            v = second;
            break;
        }
        out += padNumber(v, t.minDigits);
        break;
      }
      case 'twoDigitYear': {
        const y = t.field === 'year' ? year : week().weekyear;
        out += padNumber(floorMod(y, 100), 2);
        break;
      }
      case 'text':
        switch (t.field) {
          case 'monthOfYear':
            out += t.long ? MONTH_NAMES[month - 1] : MONTH_NAMES[month - 1].slice(0, 3);
            break;
          case 'dayOfWeek': {
            const name = DAY_NAMES[week().dow - 1];
            out += t.long ? name : name.slice(0, 3);
            break;
          }
          case 'halfdayOfDay':
            out += hour < 12 ? 'AM' : 'PM';
            break;
          case 'era':
            out += year <= 0 ? 'BC' : 'AD';
            break;
        }
        break;
      case 'fraction': {
        // Joda prints the millisecond fraction scaled to `minDigits` digits (truncating)
        const digits = t.minDigits;
        const s = padNumber(millis, 3);
        out += digits <= 3 ? s.slice(0, digits) : s + '0'.repeat(digits - 3);
        break;
      }
      case 'offset':
        out += formatOffset(f.offsetMillis, t.separators);
        break;
      case 'zoneId':
        out += f.zoneId;
        break;
      case 'zoneName':
        out += zoneName(f.zoneId, f.epochMillis, t.long);
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface ParsedDateTime {
  /** Local milliseconds (wall clock) of the parsed fields. */
  readonly localMillis: number;
  /** Parsed offset in milliseconds, when the text had one. */
  readonly offsetMillis?: number;
  /** Parsed zone id (Trino key), when the text had one. */
  readonly zoneId?: string;
}

export class DateTimeFormatError extends Error {}

function errorMessage(text: string, errorPos: number): string {
  const sampleLen = errorPos + 32;
  const sample = text.length <= sampleLen + 3 ? text : text.slice(0, sampleLen) + '...';
  if (errorPos <= 0) return `Invalid format: "${sample}"`;
  if (errorPos >= text.length) return `Invalid format: "${sample}" is too short`;
  return `Invalid format: "${sample}" is malformed at "${sample.slice(errorPos)}"`;
}

function matchText(
  text: string,
  pos: number,
  options: readonly string[],
): { index: number; length: number } | undefined {
  let best: { index: number; length: number } | undefined;
  const lower = text.slice(pos).toLowerCase();
  options.forEach((o, index) => {
    if (lower.startsWith(o.toLowerCase()) && (best === undefined || o.length > best.length)) {
      best = { index, length: o.length };
    }
  });
  return best;
}

const FIELD_RANGES: Record<string, [number, number]> = {
  monthOfYear: [1, 12],
  dayOfYear: [1, 366],
  weekOfWeekyear: [1, 53],
  dayOfWeek: [1, 7],
  hourOfDay: [0, 23],
  clockhourOfDay: [1, 24],
  hourOfHalfday: [0, 11],
  clockhourOfHalfday: [1, 12],
  minuteOfHour: [0, 59],
  secondOfMinute: [0, 59],
  millisOfSecond: [0, 999],
  halfdayOfDay: [0, 1],
  yearOfEra: [1, 292278993],
  year: [-292275054, 292278993],
  weekyear: [-292275054, 292278993],
  centuryOfEra: [0, 2922789],
  era: [0, 1],
};

/**
 * Parses `text` completely with `tokens` (Joda's parseMillis / parseDateTime). Throws
 * DateTimeFormatError with Joda's message.
 */
export function parseDateTime(tokens: readonly Token[], text: string): ParsedDateTime {
  const fields = new Map<string, number>();
  let offsetMillis: number | undefined;
  let zoneId: string | undefined;
  let pos = 0;
  const fail = (at: number): never => {
    throw new DateTimeFormatError(errorMessage(text, at));
  };
  for (const t of tokens) {
    switch (t.kind) {
      case 'literal': {
        if (text.slice(pos, pos + t.text.length).toLowerCase() !== t.text.toLowerCase()) fail(pos);
        pos += t.text.length;
        break;
      }
      case 'num': {
        let p = pos;
        let negative = false;
        if (t.signed && (text[p] === '-' || text[p] === '+')) {
          negative = text[p] === '-';
          p++;
        }
        const start = p;
        while (p < text.length && p - start < t.maxDigits && text[p] >= '0' && text[p] <= '9') p++;
        if (p === start) fail(pos);
        const v = Number(text.slice(start, p));
        fields.set(t.field, negative ? -v : v);
        pos = p;
        break;
      }
      case 'twoDigitYear': {
        const start = pos;
        let p = pos;
        let negative = false;
        if (text[p] === '-' || text[p] === '+') {
          negative = text[p] === '-';
          p++;
        }
        const digitsStart = p;
        while (p < text.length && text[p] >= '0' && text[p] <= '9' && p - digitsStart < 9) p++;
        const digits = p - digitsStart;
        if (digits === 0) fail(start);
        let year: number;
        if (digits === 2 && !negative && p - start === 2) {
          // pivot: years pivot-50 .. pivot+49
          const two = Number(text.slice(digitsStart, p));
          const low = t.pivot - 50;
          const base = low - floorMod(low, 100);
          year = base + two;
          if (year < low) year += 100;
        } else {
          // Joda's lenient parse: more than two digits is the full year
          year = Number(text.slice(digitsStart, p)) * (negative ? -1 : 1);
        }
        fields.set(t.field, year);
        pos = p;
        break;
      }
      case 'text': {
        let options: string[];
        switch (t.field) {
          case 'monthOfYear':
            options = [...MONTH_NAMES, ...MONTH_NAMES.map((m) => m.slice(0, 3))];
            break;
          case 'dayOfWeek':
            options = [...DAY_NAMES, ...DAY_NAMES.map((d) => d.slice(0, 3))];
            break;
          case 'halfdayOfDay':
            options = ['AM', 'PM'];
            break;
          case 'era':
            options = ['BC', 'AD', 'BCE', 'CE'];
            break;
        }
        const m = matchText(text, pos, options);
        if (m === undefined) fail(pos);
        const n = t.field === 'monthOfYear' || t.field === 'dayOfWeek' ? options.length / 2 : 2;
        const index = m!.index % n;
        const value =
          t.field === 'monthOfYear' || t.field === 'dayOfWeek'
            ? index + 1
            : t.field === 'era'
              ? index === 0
                ? 0
                : 1
              : index;
        fields.set(t.field, value);
        pos += m!.length;
        break;
      }
      case 'fraction': {
        const start = pos;
        let p = pos;
        while (p < text.length && p - start < t.maxDigits && text[p] >= '0' && text[p] <= '9') p++;
        if (p === start) fail(pos);
        const digits = text.slice(start, p);
        fields.set('millisOfSecond', Math.floor(Number(digits.padEnd(3, '0').slice(0, 3))));
        pos = p;
        break;
      }
      case 'offset': {
        if (text[pos] === 'Z') {
          offsetMillis = 0;
          pos++;
          break;
        }
        const m = /^([+-])(\d\d)(?::?(\d\d))?/.exec(text.slice(pos));
        if (!m) fail(pos);
        const minutes = Number(m![2]) * 60 + (m![3] === undefined ? 0 : Number(m![3]));
        offsetMillis = (m![1] === '-' ? -1 : 1) * minutes * 60000;
        pos += m![0].length;
        break;
      }
      case 'zoneId': {
        const m = /^[A-Za-z][A-Za-z0-9_+\-/]*|^[+-]\d\d:?\d\d/.exec(text.slice(pos));
        if (!m) fail(pos);
        let id: string | undefined;
        // longest prefix that is a valid zone
        for (let len = m![0].length; len > 0 && id === undefined; len--) {
          try {
            id = normalizeTimeZoneId(m![0].slice(0, len));
            pos += len;
          } catch {
            id = undefined;
          }
        }
        if (id === undefined) fail(pos);
        zoneId = id;
        break;
      }
      case 'zoneName':
        throw new DateTimeFormatError('Parsing of time zone names is not supported');
    }
  }
  if (pos < text.length) fail(pos);
  return { localMillis: computeMillis(fields, text), offsetMillis, zoneId };
}

function rangeError(
  text: string,
  field: string,
  value: number,
  min: number,
  max: number,
): DateTimeFormatError {
  return new DateTimeFormatError(
    `Cannot parse "${text}": Value ${value} for ${field} must be in the range [${min},${max}]`,
  );
}

function check(text: string, field: string, value: number, min?: number, max?: number): void {
  const [lo, hi] = min !== undefined && max !== undefined ? [min, max] : FIELD_RANGES[field];
  if (value < lo || value > hi) throw rangeError(text, field, value, lo, hi);
}

/** Joda's DateTimeParserBucket.computeMillis over the ISO chronology (defaults from 1970-01-01T00:00). */
function computeMillis(fields: Map<string, number>, text: string): number {
  // year
  let year = 1970;
  if (fields.has('era') || fields.has('yearOfEra') || fields.has('centuryOfEra')) {
    const era = fields.get('era') ?? 1;
    check(text, 'era', era);
    let yoe = fields.get('yearOfEra') ?? 1970;
    if (fields.has('centuryOfEra')) {
      const c = fields.get('centuryOfEra')!;
      check(text, 'centuryOfEra', c);
      yoe = c * 100 + (fields.has('yearOfEra') ? floorMod(yoe, 100) : 0);
    }
    check(text, 'yearOfEra', yoe);
    year = era === 1 ? yoe : 1 - yoe;
  }
  if (fields.has('year')) {
    year = fields.get('year')!;
    check(text, 'year', year);
  }
  let days: number;
  if (
    fields.has('weekyear') ||
    fields.has('weekOfWeekyear') ||
    (fields.has('dayOfWeek') && !fields.has('dayOfMonth') && !fields.has('monthOfYear'))
  ) {
    const wy = fields.get('weekyear') ?? year;
    check(text, 'weekyear', wy);
    const week = fields.get('weekOfWeekyear') ?? 1;
    const weeksInYear = isoWeekFields(daysFromCivil(wy, 12, 28)).week;
    check(text, 'weekOfWeekyear', week, 1, weeksInYear);
    const dow = fields.get('dayOfWeek') ?? 1;
    check(text, 'dayOfWeek', dow);
    const jan4 = daysFromCivil(wy, 1, 4);
    const week1Monday = jan4 - (isoWeekFields(jan4).dow - 1);
    days = week1Monday + (week - 1) * 7 + (dow - 1);
  } else if (fields.has('dayOfYear') && !fields.has('monthOfYear') && !fields.has('dayOfMonth')) {
    const doy = fields.get('dayOfYear')!;
    check(text, 'dayOfYear', doy, 1, isLeapYear(year) ? 366 : 365);
    days = daysFromCivil(year, 1, 1) + doy - 1;
  } else {
    const month = fields.get('monthOfYear') ?? 1;
    check(text, 'monthOfYear', month);
    const day = fields.get('dayOfMonth') ?? 1;
    check(text, 'dayOfMonth', day, 1, daysInMonth(year, month));
    days = daysFromCivil(year, month, day);
    if (fields.has('dayOfWeek')) {
      const dow = fields.get('dayOfWeek')!;
      check(text, 'dayOfWeek', dow);
      // Joda sets day-of-week last: moves within the same ISO week
      days += dow - isoWeekFields(days).dow;
    }
  }
  let hour = 0;
  if (fields.has('hourOfDay')) {
    hour = fields.get('hourOfDay')!;
    check(text, 'hourOfDay', hour);
  } else if (fields.has('clockhourOfDay')) {
    const h = fields.get('clockhourOfDay')!;
    check(text, 'clockhourOfDay', h);
    hour = h === 24 ? 0 : h;
  }
  const halfday = fields.get('halfdayOfDay');
  if (fields.has('clockhourOfHalfday') || fields.has('hourOfHalfday')) {
    let h: number;
    if (fields.has('clockhourOfHalfday')) {
      h = fields.get('clockhourOfHalfday')!;
      check(text, 'clockhourOfHalfday', h);
      h = h === 12 ? 0 : h;
    } else {
      h = fields.get('hourOfHalfday')!;
      check(text, 'hourOfHalfday', h);
    }
    hour = h + (halfday === 1 ? 12 : 0);
  } else if (halfday !== undefined) {
    hour = (hour % 12) + (halfday === 1 ? 12 : 0);
  }
  const minute = fields.get('minuteOfHour') ?? 0;
  check(text, 'minuteOfHour', minute);
  const second = fields.get('secondOfMinute') ?? 0;
  check(text, 'secondOfMinute', second);
  const millis = fields.get('millisOfSecond') ?? 0;
  return days * MILLIS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}

/** The zone offset to print for an instant in a zone. */
export function offsetAt(zoneId: string, epochMillis: number): number {
  return zoneOffsetMillis(zoneId, epochMillis);
}
