/**
 * Java's `String.format` (java.util.Formatter, Locale.ENGLISH), which Trino's `format(fmt, ...)`
 * calls with each SQL value converted to a Java object (FormatFunction): integers become Long,
 * real Float, double Double, decimal BigDecimal, varchar and char String, date LocalDate, time
 * LocalTime, timestamp LocalDateTime, timestamp with time zone ZonedDateTime, NULL null.
 * Written here because no JavaScript library follows Java's rules: conversions accept only
 * certain classes (`%d` rejects a BigDecimal, `%c` a Long), doubles print from their shortest
 * decimal digits rounded half up (`%.2f` of 1.005 is 1.01), `%s` prints Java's toString forms
 * (1.0E10, 2020-01-02T03:04, 0E-8), and a bad specifier throws one of Formatter's exceptions,
 * whose class and message Trino puts into its error.
 *
 * Supported: `%[index$|<][flags][width][.precision]conversion` with b B h H s S c C d o x X e E
 * f g G a A % n and the t/T date-time suffixes. A Long given to `%t` is epoch milliseconds, read
 * in UTC (Java reads it in the JVM's default zone).
 */
import {
  bigFloorDiv,
  civilFromDays,
  daysFromCivil,
  floorMod,
  formatOffsetMinutes,
  javaDoubleToString,
  javaFloatToString,
  pad as padDigits,
  shortestDoubleDigits,
  type DecimalDigits,
} from '../types';
import { DAY_NAMES, MONTH_NAMES, zoneName } from './datetime-format';

/** A Java argument of Trino's format function. Dates are days since 1970-01-01. */
export type JavaValue =
  | null
  | { readonly kind: 'Boolean'; readonly value: boolean }
  | { readonly kind: 'Long'; readonly value: bigint }
  | { readonly kind: 'Float' | 'Double'; readonly value: number }
  | { readonly kind: 'BigDecimal'; readonly unscaled: bigint; readonly scale: number }
  | { readonly kind: 'String'; readonly value: string }
  | { readonly kind: 'LocalDate'; readonly days: number }
  | { readonly kind: 'LocalTime'; readonly nanoOfDay: bigint }
  | { readonly kind: 'LocalDateTime'; readonly days: number; readonly nanoOfDay: bigint }
  | {
      readonly kind: 'ZonedDateTime';
      readonly days: number;
      readonly nanoOfDay: bigint;
      readonly offsetSeconds: number;
      /** Trino's zone key: `UTC`, an IANA id, or an offset such as `+05:30` (a ZoneOffset). */
      readonly zone: string;
      readonly epochNanos: bigint;
    };

type JavaObject = Exclude<JavaValue, null>;

const CLASS_NAMES: Record<JavaObject['kind'], string> = {
  Boolean: 'java.lang.Boolean',
  Long: 'java.lang.Long',
  Float: 'java.lang.Float',
  Double: 'java.lang.Double',
  BigDecimal: 'java.math.BigDecimal',
  String: 'java.lang.String',
  LocalDate: 'java.time.LocalDate',
  LocalTime: 'java.time.LocalTime',
  LocalDateTime: 'java.time.LocalDateTime',
  ZonedDateTime: 'java.time.ZonedDateTime',
};

/** One of java.util.Formatter's exceptions: `exception` is its simple name without "Exception". */
export class JavaFormatError extends Error {
  constructor(
    readonly exception: string,
    readonly detail: string,
  ) {
    super(`${exception}: ${detail}`);
  }
}

interface Flags {
  readonly left: boolean;
  readonly alternate: boolean;
  readonly plus: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly group: boolean;
  readonly paren: boolean;
}

interface Spec {
  readonly text: string;
  readonly flagText: string;
  readonly flags: Flags;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly upper: boolean;
  /** Lower-case conversion; for date-times 't' with `dateTime` the suffix. */
  readonly conversion: string;
  readonly dateTime: string;
}

const SPECIFIER = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])/y;

/** `String.format(Locale.ENGLISH, format, args)`. */
export function javaFormat(format: string, args: readonly JavaValue[]): string {
  let out = '';
  let ordinary = 0;
  let last = -1;
  for (let i = 0; i < format.length;) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    SPECIFIER.lastIndex = percent;
    const m = SPECIFIER.exec(format);
    if (m === null) {
      const at = percent + 1 < format.length ? format[percent + 1] : '%';
      throw new JavaFormatError('UnknownFormatConversion', `Conversion = '${at}'`);
    }
    i = SPECIFIER.lastIndex;
    const spec = parseSpec(m);
    if (spec.conversion === '%' || spec.conversion === 'n') {
      out += literal(spec);
      continue;
    }
    let index: number;
    if (spec.flagText.includes('<')) index = last;
    else if (m[1] !== undefined) index = Number(m[1].slice(0, -1)) - 1;
    else index = ordinary++;
    if (index < 0 || index >= args.length)
      throw new JavaFormatError('MissingFormatArgument', `Format specifier '${spec.text}'`);
    last = index;
    out += convert(spec, args[index]);
  }
  return out;
}

function parseSpec(m: RegExpExecArray): Spec {
  const flagText = (m[2] ?? '').replace('<', '');
  for (let k = 0; k < flagText.length; k++)
    if (flagText.indexOf(flagText[k]) !== k)
      throw new JavaFormatError('DuplicateFormatFlags', `Flags = '${flagText[k]}'`);
  const flags: Flags = {
    left: flagText.includes('-'),
    alternate: flagText.includes('#'),
    plus: flagText.includes('+'),
    space: flagText.includes(' '),
    zero: flagText.includes('0'),
    group: flagText.includes(','),
    paren: flagText.includes('('),
  };
  const conversionChar = m[6];
  const isDateTime = m[5] !== undefined;
  const spec: Spec = {
    text: m[0],
    flagText: m[2] ?? '',
    flags,
    width: m[3] === undefined ? undefined : Number(m[3]),
    precision: m[4] === undefined ? undefined : Number(m[4].slice(1)),
    upper: isDateTime ? m[5] === 'T' : conversionChar !== conversionChar.toLowerCase(),
    conversion: isDateTime ? 't' : conversionChar.toLowerCase(),
    dateTime: isDateTime ? conversionChar : '',
  };
  if (!isDateTime && !'bhscdoxefga%n'.includes(spec.conversion))
    throw new JavaFormatError('UnknownFormatConversion', `Conversion = '${conversionChar}'`);
  if (isDateTime && !DATE_TIME_SUFFIXES.includes(conversionChar))
    throw new JavaFormatError('UnknownFormatConversion', `Conversion = '${m[5]}${conversionChar}'`);
  checkSpec(spec);
  return spec;
}

/** Formatter's checks made when the specifier is parsed, before any argument is looked at. */
function checkSpec(spec: Spec): void {
  const { flags, conversion: c } = spec;
  const mismatch = (flag: string) => {
    throw new JavaFormatError(
      'FormatFlagsConversionMismatch',
      `Conversion = ${spec.dateTime || c}, Flags = ${flag}`,
    );
  };
  const badFlags = (...list: string[]) => {
    for (const f of list) if (spec.flagText.includes(f)) mismatch(f);
  };
  const noPrecision = () => {
    if (spec.precision !== undefined)
      throw new JavaFormatError('IllegalFormatPrecision', String(spec.precision));
  };
  const widthForLeft = () => {
    if ((flags.left || flags.zero) && spec.width === undefined)
      throw new JavaFormatError('MissingFormatWidth', spec.text);
  };
  const numeric = () => {
    widthForLeft();
    if ((flags.plus && flags.space) || (flags.left && flags.zero))
      throw new JavaFormatError('IllegalFormatFlags', `Flags = '${canonicalFlags(spec.flagText)}'`);
  };
  switch (c) {
    case 'b':
    case 'h':
    case 's':
      if (c !== 's' && flags.alternate) mismatch('#');
      if (flags.left && spec.width === undefined) throw new JavaFormatError('MissingFormatWidth', spec.text);
      badFlags('+', ' ', '0', ',', '(');
      return;
    case 'c':
    case 't':
    case '%':
      // characters, date-times and '%' take a width and '-' only
      noPrecision();
      badFlags('#', '+', ' ', '0', ',', '(');
      widthForLeft();
      return;
    case 'd':
    case 'o':
    case 'x':
      numeric();
      noPrecision();
      if (c === 'd' && flags.alternate) mismatch('#');
      if (c !== 'd' && flags.group) mismatch(',');
      return;
    case 'e':
    case 'f':
    case 'g':
    case 'a':
      numeric();
      if (c === 'e' && flags.group) mismatch(',');
      if (c === 'g' && flags.alternate) mismatch('#');
      if (c === 'a') badFlags('(', ',');
      return;
    case 'n':
      if (spec.width !== undefined) throw new JavaFormatError('IllegalFormatWidth', String(spec.width));
      if (spec.precision !== undefined)
        throw new JavaFormatError('IllegalFormatPrecision', String(spec.precision));
      if (spec.flagText !== '')
        throw new JavaFormatError('IllegalFormatFlags', `Flags = '${canonicalFlags(spec.flagText)}'`);
      return;
  }
}

/** Formatter's Flags.toString: the flags in its fixed order. */
function canonicalFlags(flagText: string): string {
  return [...'-#+ 0,(<'].filter((f) => flagText.includes(f)).join('');
}

function literal(spec: Spec): string {
  return spec.conversion === 'n' ? '\n' : justify(spec, '%');
}

function justify(spec: Spec, s: string): string {
  const text = spec.upper ? s.toUpperCase() : s;
  if (spec.width === undefined || text.length >= spec.width) return text;
  const pad = ' '.repeat(spec.width - text.length);
  return spec.flags.left ? text + pad : pad + text;
}

function conversionError(spec: Spec, arg: JavaObject): JavaFormatError {
  return new JavaFormatError(
    'IllegalFormatConversion',
    `${spec.dateTime || spec.conversion} != ${CLASS_NAMES[arg.kind]}`,
  );
}

function convert(spec: Spec, arg: JavaValue): string {
  const truncate = (s: string) => (spec.precision === undefined ? s : s.slice(0, spec.precision));
  switch (spec.conversion) {
    case 'b':
      return justify(
        spec,
        truncate(arg === null ? 'false' : arg.kind === 'Boolean' ? String(arg.value) : 'true'),
      );
    case 'h':
      return justify(spec, truncate(arg === null ? 'null' : (javaHashCode(arg) >>> 0).toString(16)));
    case 's':
      // '#' needs a java.util.Formattable, which no argument is
      if (spec.flags.alternate)
        throw new JavaFormatError('FormatFlagsConversionMismatch', `Conversion = s, Flags = #`);
      return justify(spec, truncate(arg === null ? 'null' : javaToString(arg)));
    case 'c':
      if (arg !== null) throw conversionError(spec, arg);
      return justify(spec, 'null');
    case 'd':
    case 'o':
    case 'x':
      if (arg === null) return justify(spec, 'null');
      if (arg.kind !== 'Long') throw conversionError(spec, arg);
      return integral(spec, arg.value);
    case 'e':
    case 'f':
    case 'g':
    case 'a':
      if (arg === null) return justify(spec, 'null');
      return floating(spec, arg);
    case 't':
      if (arg === null) return justify(spec, 'null');
      return justify(spec, dateTime(spec, spec.dateTime, arg));
    default:
      throw new JavaFormatError('UnknownFormatConversion', `Conversion = '${spec.conversion}'`);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

function group(integerDigits: string): string {
  let out = '';
  for (let i = 0; i < integerDigits.length; i++) {
    if (i > 0 && (integerDigits.length - i) % 3 === 0) out += ',';
    out += integerDigits[i];
  }
  return out;
}

/** Sign, zero padding and parentheses around a magnitude, then width. */
function signed(spec: Spec, negative: boolean, magnitude: string): string {
  const { flags } = spec;
  const prefix = negative ? (flags.paren ? '(' : '-') : flags.plus ? '+' : flags.space ? ' ' : '';
  const suffix = negative && flags.paren ? ')' : '';
  let body = magnitude;
  if (flags.zero && spec.width !== undefined) {
    const room = spec.width - prefix.length - suffix.length - body.length;
    if (room > 0) body = '0'.repeat(room) + body;
  }
  return justify(spec, prefix + body + suffix);
}

function integral(spec: Spec, value: bigint): string {
  if (spec.conversion === 'd') {
    const digits = (value < 0n ? -value : value).toString();
    return signed(spec, value < 0n, spec.flags.group ? group(digits) : digits);
  }
  // o and x print a Long's 64 bits as an unsigned number
  if (spec.flagText.includes('(') || spec.flags.plus || spec.flags.space)
    throw new JavaFormatError(
      'FormatFlagsConversionMismatch',
      `Conversion = ${spec.conversion}, Flags = ${spec.flags.paren ? '(' : spec.flags.plus ? '+' : ' '}`,
    );
  const radix = spec.conversion === 'o' ? 8 : 16;
  const digits = BigInt.asUintN(64, value).toString(radix);
  const prefix = spec.flags.alternate ? (radix === 8 ? '0' : '0x') : '';
  let body = digits;
  if (spec.flags.zero && spec.width !== undefined && prefix.length + body.length < spec.width)
    body = '0'.repeat(spec.width - prefix.length - body.length) + body;
  return justify(spec, prefix + body);
}

/** Digits rounded half up to `keep` leading digits (keep may be 0 or negative). */
function roundHalfUp(d: DecimalDigits, keep: number): DecimalDigits {
  if (keep >= d.digits.length) return d;
  if (keep < 0) return { digits: '0', pointPos: d.pointPos };
  const up = d.digits.charCodeAt(keep) >= 0x35;
  let kept = d.digits.slice(0, keep);
  let pointPos = d.pointPos;
  if (up) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    if (i < 0) {
      // 0.99..9 x 10^p rounds to 0.10..0 x 10^(p+1)
      kept = kept.length === 0 ? '1' : '1' + '0'.repeat(kept.length - 1);
      pointPos++;
    } else
      kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(kept.length - i - 1);
  }
  return { digits: kept === '' ? '0' : kept, pointPos };
}

const isZero = (d: DecimalDigits) => /^0*$/.test(d.digits);

/** value = 0.d1d2... x 10^pointPos with `fraction` digits after the point. */
function fixed(d: DecimalDigits, fraction: number): { integer: string; fraction: string } {
  const r = roundHalfUp(d, d.pointPos + fraction);
  if (isZero(r)) return { integer: '0', fraction: '0'.repeat(fraction) };
  const all = r.pointPos <= 0 ? '0'.repeat(-r.pointPos) + r.digits : r.digits;
  const point = Math.max(r.pointPos, 0);
  const integer = all.slice(0, point).padEnd(point, '0') || '0';
  const frac = all.slice(point).padEnd(fraction, '0').slice(0, fraction);
  return { integer: integer.replace(/^0+(?=\d)/, ''), fraction: frac };
}

/** d.ddd (`precision` digits after the point) and the decimal exponent. */
function scientific(d: DecimalDigits, precision: number): { mantissa: string; exponent: number } {
  if (isZero(d)) return { mantissa: '0' + (precision > 0 ? '.' + '0'.repeat(precision) : ''), exponent: 0 };
  const r = roundHalfUp(d, precision + 1);
  const digits = r.digits.padEnd(precision + 1, '0');
  return {
    mantissa: digits[0] + (precision > 0 ? '.' + digits.slice(1) : ''),
    exponent: r.pointPos - 1,
  };
}

function exponentText(exponent: number): string {
  const abs = Math.abs(exponent);
  return (exponent < 0 ? 'e-' : 'e+') + (abs < 10 ? '0' + abs : String(abs));
}

function decimalDigitsOf(arg: JavaObject): { negative: boolean; digits: DecimalDigits } | undefined {
  if (arg.kind === 'BigDecimal') {
    const negative = arg.unscaled < 0n;
    const text = (negative ? -arg.unscaled : arg.unscaled).toString();
    return { negative, digits: { digits: text, pointPos: text.length - arg.scale } };
  }
  if (arg.kind === 'Double' || arg.kind === 'Float') {
    const v = arg.value;
    const negative = v < 0 || Object.is(v, -0);
    return { negative, digits: v === 0 ? { digits: '0', pointPos: 1 } : shortestDoubleDigits(v) };
  }
  return undefined;
}

function floating(spec: Spec, arg: JavaObject): string {
  if (spec.conversion === 'a') {
    if (arg.kind !== 'Double' && arg.kind !== 'Float') throw conversionError(spec, arg);
    if (Number.isNaN(arg.value) || !Number.isFinite(arg.value)) return nonFinite(spec, arg.value);
    const negative = arg.value < 0 || Object.is(arg.value, -0);
    const sign = negative ? '-' : spec.flags.plus ? '+' : spec.flags.space ? ' ' : '';
    let body = hexDouble(Math.abs(arg.value), spec.precision);
    if (spec.flags.zero && spec.width !== undefined && sign.length + 2 + body.length < spec.width)
      body = '0'.repeat(spec.width - sign.length - 2 - body.length) + body;
    return justify(spec, `${sign}0x${body}`);
  }
  const parts = decimalDigitsOf(arg);
  if (parts === undefined) throw conversionError(spec, arg);
  if ((arg.kind === 'Double' || arg.kind === 'Float') && !Number.isFinite(arg.value))
    return nonFinite(spec, arg.value);
  const { negative, digits } = parts;
  let precision = spec.precision ?? 6;
  const fixedText = (fraction: number) => {
    const f = fixed(digits, fraction);
    const integer = spec.flags.group ? group(f.integer) : f.integer;
    return integer + (fraction > 0 || spec.flags.alternate ? '.' : '') + f.fraction;
  };
  const scientificText = (p: number) => {
    const s = scientific(digits, p);
    const mantissa = spec.flags.alternate && p === 0 ? s.mantissa + '.' : s.mantissa;
    return mantissa + exponentText(s.exponent);
  };
  switch (spec.conversion) {
    case 'f':
      return signed(spec, negative, fixedText(precision));
    case 'e':
      return signed(spec, negative, scientificText(precision));
    default: {
      // g: `precision` significant digits, plain for 1e-4 <= |x| < 10^precision after rounding
      if (precision === 0) precision = 1;
      if (isZero(digits)) return signed(spec, negative, fixedText(precision - 1));
      const rounded = roundHalfUp(digits, precision);
      const exponent = rounded.pointPos - 1;
      const plain = exponent >= -4 && exponent < precision;
      return signed(
        spec,
        negative,
        plain ? fixedText(precision - 1 - exponent) : scientificText(precision - 1),
      );
    }
  }
}

function nonFinite(spec: Spec, v: number): string {
  if (Number.isNaN(v)) return justify(spec, 'NaN');
  const noZero: Spec = { ...spec, flags: { ...spec.flags, zero: false } };
  return signed(noZero, v < 0, 'Infinity');
}

/**
 * Double.toHexString of a non-negative finite value without its "0x", as Formatter prints it:
 * all digits without a precision, else rounded half even to `precision` hex digits (at least one)
 * and padded with zeros to that many.
 */
function hexDouble(v: number, precision: number | undefined): string {
  const digitsWanted = precision === undefined ? 0 : Math.max(precision, 1);
  const padded = (lead: string, digits: string, exponent: number) =>
    `${lead}.${digits.padEnd(digitsWanted, '0')}p${exponent}`;
  if (v === 0) return padded('0', '0', 0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  let exponent = Number(bits >> 52n) - 1023;
  let mantissa = bits & ((1n << 52n) - 1n);
  const stripped = (m: bigint) => m.toString(16).padStart(13, '0').replace(/0+$/, '') || '0';
  if (digitsWanted === 0 || digitsWanted >= 13)
    return exponent === -1023
      ? padded('0', stripped(mantissa), -1022)
      : padded('1', stripped(mantissa), exponent);
  if (exponent === -1023) {
    // a subnormal is normalized before rounding
    const shift = 53 - mantissa.toString(2).length;
    mantissa = (mantissa << BigInt(shift)) & ((1n << 52n) - 1n);
    exponent = -1022 - shift;
  }
  const drop = BigInt(4 * (13 - digitsWanted));
  const full = (1n << 52n) | mantissa;
  const half = 1n << (drop - 1n);
  const rest = full & ((1n << drop) - 1n);
  let kept = full >> drop;
  if (rest > half || (rest === half && (kept & 1n) === 1n)) kept++;
  const fractionBits = BigInt(4 * digitsWanted);
  if (kept >> fractionBits > 1n) {
    kept >>= 1n;
    exponent++;
  }
  const digits = (kept & ((1n << fractionBits) - 1n)).toString(16).padStart(digitsWanted, '0');
  return padded('1', digits.replace(/0+$/, '') || '0', exponent);
}

// ---------------------------------------------------------------------------------------------
// toString and hashCode

/** Zero-padded to `width` digits, keeping a minus sign (Java prints year -1 as -0001). */
function pad(n: number | bigint, width: number): string {
  return (n < 0 ? '-' : '') + padDigits(n, width);
}

/** java.math.BigDecimal.toString: plain unless the scale is negative or the exponent below -6. */
function bigDecimalToString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  const sign = negative ? '-' : '';
  if (scale === 0) return sign + digits;
  const adjusted = digits.length - 1 - scale;
  if (scale > 0 && adjusted >= -6) {
    const point = digits.length - scale;
    return (
      sign +
      (point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`)
    );
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

function localDateText(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const y = Math.abs(year) < 1000 ? pad(year, 4) : year > 9999 ? `+${year}` : String(year);
  return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}

function localTimeText(nanoOfDay: bigint): string {
  const nanos = Number(nanoOfDay % 1_000_000_000n);
  const seconds = Number(nanoOfDay / 1_000_000_000n);
  let s = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}`;
  if (seconds % 60 === 0 && nanos === 0) return s;
  s += `:${pad(seconds % 60, 2)}`;
  if (nanos === 0) return s;
  if (nanos % 1_000_000 === 0) return `${s}.${pad(nanos / 1_000_000, 3)}`;
  if (nanos % 1000 === 0) return `${s}.${pad(nanos / 1000, 6)}`;
  return `${s}.${pad(nanos, 9)}`;
}

/** ZoneOffset.toString: Z, or ±HH:MM[:SS]. */
function offsetText(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'Z';
  const text = formatOffsetMinutes(Math.trunc(offsetSeconds / 60));
  const seconds = Math.abs(offsetSeconds % 60);
  return seconds === 0 ? text : `${text}:${pad(seconds, 2)}`;
}

const isOffsetZone = (zone: string) => /^[+-]\d\d:\d\d$/.test(zone);

function javaToString(arg: JavaObject): string {
  switch (arg.kind) {
    case 'Boolean':
      return String(arg.value);
    case 'Long':
      return arg.value.toString();
    case 'Float':
      return javaFloatToString(arg.value);
    case 'Double':
      return javaDoubleToString(arg.value);
    case 'BigDecimal':
      return bigDecimalToString(arg.unscaled, arg.scale);
    case 'String':
      return arg.value;
    case 'LocalDate':
      return localDateText(arg.days);
    case 'LocalTime':
      return localTimeText(arg.nanoOfDay);
    case 'LocalDateTime':
      return `${localDateText(arg.days)}T${localTimeText(arg.nanoOfDay)}`;
    case 'ZonedDateTime': {
      const local = `${localDateText(arg.days)}T${localTimeText(arg.nanoOfDay)}${offsetText(arg.offsetSeconds)}`;
      return isOffsetZone(arg.zone) ? local : `${local}[${arg.zone}]`;
    }
  }
}

function stringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function longHash(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
}

function localDateHash(days: number): number {
  const { year, month, day } = civilFromDays(days);
  return (year & 0xfffff800) ^ ((year << 11) + (month << 6) + day);
}

/** Object.hashCode of the Java argument, for `%h`. */
function javaHashCode(arg: JavaObject): number {
  const view = new DataView(new ArrayBuffer(8));
  switch (arg.kind) {
    case 'Boolean':
      return arg.value ? 1231 : 1237;
    case 'Long':
      return longHash(arg.value);
    case 'Double':
      if (Number.isNaN(arg.value)) return longHash(0x7ff8000000000000n);
      view.setFloat64(0, arg.value);
      return longHash(view.getBigInt64(0));
    case 'Float':
      if (Number.isNaN(arg.value)) return 0x7fc00000;
      view.setFloat32(0, arg.value);
      return view.getInt32(0);
    case 'BigDecimal': {
      // 31 * BigInteger.hashCode() + scale; BigInteger hashes its magnitude's 32-bit words
      let h = 0;
      const magnitude = (arg.unscaled < 0n ? -arg.unscaled : arg.unscaled).toString(16);
      const words = magnitude.padStart(Math.ceil(magnitude.length / 8) * 8, '0');
      for (let i = 0; i < words.length && arg.unscaled !== 0n; i += 8)
        h = (Math.imul(31, h) + parseInt(words.slice(i, i + 8), 16)) | 0;
      const signum = arg.unscaled < 0n ? -1 : arg.unscaled > 0n ? 1 : 0;
      return (Math.imul(31, Math.imul(h, signum)) + arg.scale) | 0;
    }
    case 'String':
      return stringHash(arg.value);
    case 'LocalDate':
      return localDateHash(arg.days);
    case 'LocalTime':
      return longHash(arg.nanoOfDay);
    case 'LocalDateTime':
      return localDateHash(arg.days) ^ longHash(arg.nanoOfDay);
    case 'ZonedDateTime': {
      const zoneHash = isOffsetZone(arg.zone) ? arg.offsetSeconds : stringHash(arg.zone);
      const rotated = (zoneHash << 3) | (zoneHash >>> 29);
      return localDateHash(arg.days) ^ longHash(arg.nanoOfDay) ^ arg.offsetSeconds ^ rotated;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Date-time conversions

const DATE_TIME_SUFFIXES = 'HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc';

/** The calendar fields of a date-time argument; undefined where the Java class has none. */
interface Fields {
  readonly days?: number;
  readonly nanoOfDay?: bigint;
  readonly offsetSeconds?: number;
  readonly zone?: string;
  readonly epochNanos?: bigint;
}

const NANOS_PER_DAY = 86_400_000_000_000n;

/** Epoch (or local) nanoseconds as days since 1970-01-01 and nanoseconds into the day. */
export function splitEpochNanos(nanos: bigint): { days: number; nanoOfDay: bigint } {
  const days = bigFloorDiv(nanos, NANOS_PER_DAY);
  return { days: Number(days), nanoOfDay: nanos - days * NANOS_PER_DAY };
}

function fieldsOf(arg: JavaObject): Fields | undefined {
  switch (arg.kind) {
    case 'Long': {
      // epoch milliseconds (a Calendar), read in UTC
      const nanos = arg.value * 1_000_000n;
      return { ...splitEpochNanos(nanos), offsetSeconds: 0, zone: 'UTC', epochNanos: nanos };
    }
    case 'LocalDate':
      return { days: arg.days };
    case 'LocalTime':
      return { nanoOfDay: arg.nanoOfDay };
    case 'LocalDateTime':
      return { days: arg.days, nanoOfDay: arg.nanoOfDay };
    case 'ZonedDateTime':
      return arg;
    default:
      return undefined;
  }
}

function unsupported(field: string): JavaFormatError {
  return new JavaFormatError('UnsupportedTemporalType', `Unsupported field: ${field}`);
}

function dateTime(spec: Spec, suffix: string, arg: JavaObject): string {
  const f = fieldsOf(arg);
  if (f === undefined) throw conversionError(spec, arg);
  const date = (field: string) => {
    if (f.days === undefined) throw unsupported(field);
    return civilFromDays(f.days);
  };
  const time = (field: string) => {
    if (f.nanoOfDay === undefined) throw unsupported(field);
    return f.nanoOfDay;
  };
  const hour = (field: string) => Number(time(field) / 3_600_000_000_000n);
  const epoch = () => {
    if (f.epochNanos === undefined) throw unsupported('InstantSeconds');
    return f.epochNanos;
  };
  const sub = (s: string) => dateTime(spec, s, arg);
  switch (suffix) {
    case 'H':
      return pad(hour('HourOfDay'), 2);
    case 'I':
      return pad(((hour('ClockHourOfAmPm') + 11) % 12) + 1, 2);
    case 'k':
      return String(hour('HourOfDay'));
    case 'l':
      return String(((hour('ClockHourOfAmPm') + 11) % 12) + 1);
    case 'M':
      return pad(Number(time('MinuteOfHour') / 60_000_000_000n) % 60, 2);
    case 'S':
      return pad(Number(time('SecondOfMinute') / 1_000_000_000n) % 60, 2);
    case 'L':
      return pad(Number((time('MilliOfSecond') / 1_000_000n) % 1000n), 3);
    case 'N':
      return pad(Number(time('NanoOfSecond') % 1_000_000_000n), 9);
    case 'p':
      return hour('AmPmOfDay') < 12 ? 'am' : 'pm';
    case 'z': {
      if (f.offsetSeconds === undefined) throw unsupported('OffsetSeconds');
      const minutes = Math.trunc(Math.abs(f.offsetSeconds) / 60);
      return (f.offsetSeconds < 0 ? '-' : '+') + pad(Math.trunc(minutes / 60) * 100 + (minutes % 60), 4);
    }
    case 'Z':
      if (f.zone === undefined) throw conversionError(spec, arg);
      return zoneName(f.zone, Number(bigFloorDiv(epoch(), 1_000_000n)), false);
    case 's':
      return bigFloorDiv(epoch(), 1_000_000_000n).toString();
    case 'Q':
      return bigFloorDiv(epoch(), 1_000_000n).toString();
    case 'B':
      return MONTH_NAMES[date('MonthOfYear').month - 1];
    case 'b':
    case 'h':
      return MONTH_NAMES[date('MonthOfYear').month - 1].slice(0, 3);
    case 'A':
      date('DayOfWeek');
      return DAY_NAMES[floorMod(f.days! + 3, 7)]; // 1970-01-01 was a Thursday
    case 'a':
      return sub('A').slice(0, 3);
    case 'C':
      return pad(Math.trunc(date('YearOfEra').year / 100), 2);
    case 'Y':
      return pad(date('YearOfEra').year, 4);
    case 'y':
      return pad(date('YearOfEra').year % 100, 2);
    case 'j':
      return pad(f.days! - daysFromCivil(date('DayOfYear').year, 1, 1) + 1, 3);
    case 'm':
      return pad(date('MonthOfYear').month, 2);
    case 'd':
      return pad(date('DayOfMonth').day, 2);
    case 'e':
      return String(date('DayOfMonth').day);
    case 'R':
      return `${sub('H')}:${sub('M')}`;
    case 'T':
      return `${sub('H')}:${sub('M')}:${sub('S')}`;
    case 'r':
      return `${sub('I')}:${sub('M')}:${sub('S')} ${sub('p').toUpperCase()}`;
    case 'D':
      return `${sub('m')}/${sub('d')}/${sub('y')}`;
    case 'F':
      return `${sub('Y')}-${sub('m')}-${sub('d')}`;
    default:
      // c
      return `${sub('a')} ${sub('b')} ${sub('d')} ${sub('T')} ${sub('Z')} ${sub('Y')}`;
  }
}
