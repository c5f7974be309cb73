/**
 * Exact DECIMAL arithmetic following Trino (io.trino.type.DecimalOperators, DecimalCasts,
 * io.trino.spi.type.Decimals / DecimalConversions).
 *
 * Values are unscaled integers: a `number` when the type's precision is <= 15, a `bigint` above
 * (values.ts). Every function takes the operand types and returns a value in the representation
 * of its result type.
 *
 * Result types (Trino's signatures):
 *   a ± b   decimal(min(38, max(p1-s1, p2-s2) + max(s1, s2) + 1), max(s1, s2))
 *   a * b   decimal(min(38, p1+p2), s1+s2)
 *   a / b   decimal(min(38, p1 + s2 + max(s2-s1, 0)), max(s1, s2)), rounded HALF_UP
 *   a % b   decimal(min(p2-s2, p1-s1) + max(s1, s2), max(s1, s2)), sign of the dividend
 * A result beyond the result type's precision (only reachable at 38 digits) raises
 * NUMERIC_VALUE_OUT_OF_RANGE "Decimal overflow"; a zero divisor raises DIVISION_BY_ZERO.
 */

import { TrinoError } from '../errors';
import { POWERS_OF_TEN_BIG } from './calendar';
import {
  javaDoubleToString,
  javaFloatToString,
  shortestDoubleDigits,
  shortestFloatDigits,
} from './float-format';
import { decimalType, MAX_DECIMAL_PRECISION, MAX_NUMBER_DECIMAL_PRECISION, type DecimalType } from './type';
import { INT32_MAX, INT32_MIN, normalizeInt64, type DecimalValue, type Int64 } from './values';

const POW10_NUMBER: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

export function pow10(n: number): bigint {
  return n < POWERS_OF_TEN_BIG.length ? POWERS_OF_TEN_BIG[n] : 10n ** BigInt(n);
}

/** Whether values of this type are held as JS numbers. */
export function isNumberDecimal(t: DecimalType): boolean {
  return t.precision <= MAX_NUMBER_DECIMAL_PRECISION;
}

export function unscaledBigInt(v: DecimalValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** The unscaled value in the representation of `t` (no range check). */
export function decimalValueOf(unscaled: bigint, t: DecimalType): DecimalValue {
  return isNumberDecimal(t) ? Number(unscaled) : unscaled;
}

/** |v| >= 10^precision */
export function overflowsPrecision(unscaled: bigint, precision: number): boolean {
  const limit = pow10(precision);
  return unscaled >= limit || unscaled <= -limit;
}

function overflow(): TrinoError {
  return new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', 'Decimal overflow');
}

function checked(unscaled: bigint, t: DecimalType): DecimalValue {
  if (overflowsPrecision(unscaled, t.precision)) throw overflow();
  return decimalValueOf(unscaled, t);
}

/** Trino's Decimals.toString: exactly `scale` fraction digits, `0.05`, `-1.50`, `12`. */
export function decimalToString(unscaled: DecimalValue, scale: number): string {
  let digits = unscaled.toString();
  let sign = '';
  if (digits.startsWith('-')) {
    sign = '-';
    digits = digits.slice(1);
  }
  if (scale === 0) return sign + digits;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  return `${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

/** Divides, rounding half away from zero (RoundingMode.HALF_UP). */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

/** Rescales an unscaled value from one scale to another, rounding HALF_UP when reducing. */
export function rescaleUnscaled(unscaled: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return unscaled * pow10(toScale - fromScale);
  return divideRoundHalfUp(unscaled, pow10(fromScale - toScale));
}

// ---------------------------------------------------------------------------------------------
// Literals

/**
 * Parses a DECIMAL literal or `DECIMAL '...'` text (Trino's Decimals.parse): optional sign,
 * digits with optional `_` separators, optional fraction. The type is decimal(p, s) with s the
 * number of fraction digits and p the significant integer digits plus s (at least 1):
 * `1.50` → decimal(3,2) 150, `.5` → decimal(1,1), `007` → decimal(1,0).
 * Throws TrinoError INVALID_LITERAL "'x' is not a valid decimal literal".
 */
export function parseDecimalLiteral(text: string): { type: DecimalType; value: DecimalValue } {
  const m = /^([+-]?)(\d(?:_?\d)*)?(?:\.(\d(?:_?\d)*)?)?$/.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    throw new TrinoError('INVALID_LITERAL', `'${text}' is not a valid decimal literal`);
  }
  const integral = (m[2] ?? '').replace(/_/g, '').replace(/^0+/, '');
  const fraction = (m[3] ?? '').replace(/_/g, '');
  const scale = fraction.length;
  const precision = Math.max(1, integral.length + scale);
  if (precision > MAX_DECIMAL_PRECISION) {
    throw new TrinoError('INVALID_LITERAL', `'${text}' is not a valid decimal literal`);
  }
  const type = decimalType(precision, scale);
  let unscaled = BigInt((integral || '0') + fraction);
  if (m[1] === '-') unscaled = -unscaled;
  return { type, value: decimalValueOf(unscaled, type) };
}

// ---------------------------------------------------------------------------------------------
// Result types

export function decimalAddType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  return decimalType(
    Math.min(MAX_DECIMAL_PRECISION, Math.max(a.precision - a.scale, b.precision - b.scale) + scale + 1),
    scale,
  );
}
export const decimalSubtractType = decimalAddType;

export function decimalMultiplyType(a: DecimalType, b: DecimalType): DecimalType {
  return decimalType(Math.min(MAX_DECIMAL_PRECISION, a.precision + b.precision), a.scale + b.scale);
}

export function decimalDivideType(a: DecimalType, b: DecimalType): DecimalType {
  return decimalType(
    Math.min(MAX_DECIMAL_PRECISION, a.precision + b.scale + Math.max(b.scale - a.scale, 0)),
    Math.max(a.scale, b.scale),
  );
}

export function decimalModulusType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  return decimalType(Math.min(b.precision - b.scale, a.precision - a.scale) + scale, scale);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function addOrSubtract(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
  negateB: boolean,
  result: DecimalType,
): DecimalValue {
  const scale = result.scale;
  if (typeof a === 'number' && typeof b === 'number' && isNumberDecimal(result)) {
    // Operands < 10^15 rescaled by <= 10^15 could exceed 2^53, so stay exact only when safe.
    const x = a * POW10_NUMBER[scale - at.scale];
    const y = b * POW10_NUMBER[scale - bt.scale];
    const r = negateB ? x - y : x + y;
    if (Number.isSafeInteger(x) && Number.isSafeInteger(y) && Number.isSafeInteger(r)) {
      if (Math.abs(r) >= POW10_NUMBER[result.precision]) throw overflow();
      return r + 0;
    }
  }
  const x = unscaledBigInt(a) * pow10(scale - at.scale);
  const y = unscaledBigInt(b) * pow10(scale - bt.scale);
  // Trino rescales in 128-bit arithmetic: an operand that no longer fits 127 bits overflows even
  // when the final result would fit (TestDecimalOperators: 17015e33 + -7015e33.1).
  if (x >= INT128_LIMIT || x <= -INT128_LIMIT || y >= INT128_LIMIT || y <= -INT128_LIMIT) throw overflow();
  return checked(negateB ? x - y : x + y, result);
}

const INT128_LIMIT = 2n ** 127n;

export function decimalAdd(a: DecimalValue, at: DecimalType, b: DecimalValue, bt: DecimalType): DecimalValue {
  return addOrSubtract(a, at, b, bt, false, decimalAddType(at, bt));
}

export function decimalSubtract(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
): DecimalValue {
  return addOrSubtract(a, at, b, bt, true, decimalSubtractType(at, bt));
}

export function decimalMultiply(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
): DecimalValue {
  const result = decimalMultiplyType(at, bt);
  if (typeof a === 'number' && typeof b === 'number' && isNumberDecimal(result)) {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return checked(unscaledBigInt(a) * unscaledBigInt(b), result);
}

export function decimalDivide(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
): DecimalValue {
  const result = decimalDivideType(at, bt);
  const divisor = unscaledBigInt(b);
  if (divisor === 0n) throw new TrinoError('DIVISION_BY_ZERO', 'Division by zero');
  const rescale = result.scale - at.scale + bt.scale;
  return checked(divideRoundHalfUp(unscaledBigInt(a) * pow10(rescale), divisor), result);
}

export function decimalModulus(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
): DecimalValue {
  const result = decimalModulusType(at, bt);
  const divisor = unscaledBigInt(b) * pow10(Math.max(0, at.scale - bt.scale));
  if (divisor === 0n) throw new TrinoError('DIVISION_BY_ZERO', 'Division by zero');
  const dividend = unscaledBigInt(a) * pow10(Math.max(0, bt.scale - at.scale));
  return checked(dividend % divisor, result);
}

export function decimalNegate(a: DecimalValue): DecimalValue {
  return typeof a === 'number' ? 0 - a : -a;
}

export function decimalAbs(a: DecimalValue): DecimalValue {
  return typeof a === 'number' ? Math.abs(a) : a < 0n ? -a : a;
}

/** Compares two decimals of possibly different scales: -1, 0 or 1. */
export function decimalCompare(
  a: DecimalValue,
  at: DecimalType,
  b: DecimalValue,
  bt: DecimalType,
): -1 | 0 | 1 {
  if (at.scale === bt.scale && typeof a === 'number' && typeof b === 'number') {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const scale = Math.max(at.scale, bt.scale);
  const x = unscaledBigInt(a) * pow10(scale - at.scale);
  const y = unscaledBigInt(b) * pow10(scale - bt.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** round(decimal(p,s)) → decimal(min(38, p - s + min(s, 1)), 0); round(x, n) → decimal(min(38, p+1), s). */
export function decimalRoundType(t: DecimalType, withDigits: boolean): DecimalType {
  if (withDigits) return decimalType(Math.min(MAX_DECIMAL_PRECISION, t.precision + 1), t.scale);
  return decimalType(Math.min(MAX_DECIMAL_PRECISION, t.precision - t.scale + Math.min(t.scale, 1)), 0);
}

/**
 * Trino's round(decimal) / round(decimal, n), HALF_UP. Without `digits` the result has scale 0;
 * with `digits` (may be negative) it keeps the input scale with the dropped digits zeroed.
 */
export function decimalRound(a: DecimalValue, t: DecimalType, digits?: number): DecimalValue {
  const result = decimalRoundType(t, digits !== undefined);
  const v = unscaledBigInt(a);
  if (digits === undefined) return checked(rescaleUnscaled(v, t.scale, 0), result);
  if (digits >= t.scale) return checked(v, result);
  const drop = t.scale - digits;
  if (drop > t.precision + 1) return decimalValueOf(0n, result);
  const factor = pow10(drop);
  return checked(divideRoundHalfUp(v, factor) * factor, result);
}

// ---------------------------------------------------------------------------------------------
// Casts

function invalidCast(message: string): TrinoError {
  return new TrinoError('INVALID_CAST_ARGUMENT', message);
}

/** CAST(decimal(p,s) AS decimal(p2,s2)): HALF_UP when reducing scale, INVALID_CAST_ARGUMENT on overflow. */
export function decimalToDecimal(a: DecimalValue, from: DecimalType, to: DecimalType): DecimalValue {
  if (from.precision === to.precision && from.scale === to.scale) return a;
  if (typeof a === 'number' && isNumberDecimal(to) && to.scale >= from.scale) {
    const r = a * POW10_NUMBER[to.scale - from.scale];
    if (Number.isSafeInteger(r) && Math.abs(r) < POW10_NUMBER[to.precision]) return r + 0;
  }
  const r = rescaleUnscaled(unscaledBigInt(a), from.scale, to.scale);
  if (overflowsPrecision(r, to.precision)) {
    throw invalidCast(
      `Cannot cast DECIMAL(${from.precision}, ${from.scale}) '${decimalToString(a, from.scale)}' to DECIMAL(${to.precision}, ${to.scale})`,
    );
  }
  return decimalValueOf(r, to);
}

/** CAST(decimal AS bigint): rounds HALF_UP. */
export function decimalToBigint(a: DecimalValue, from: DecimalType): Int64 {
  const r = rescaleUnscaled(unscaledBigInt(a), from.scale, 0);
  if (r > 9223372036854775807n || r < -9223372036854775808n) {
    throw invalidCast(`Cannot cast '${decimalToString(a, from.scale)}' to BIGINT`);
  }
  return normalizeInt64(r);
}

const INTEGER_RANGES = {
  INTEGER: [INT32_MIN, INT32_MAX],
  SMALLINT: [-32768, 32767],
  TINYINT: [-128, 127],
} as const;

/** CAST(decimal AS integer | smallint | tinyint): rounds HALF_UP, INVALID_CAST_ARGUMENT out of range. */
export function decimalToIntegral(
  a: DecimalValue,
  from: DecimalType,
  target: 'INTEGER' | 'SMALLINT' | 'TINYINT',
): number {
  const r = rescaleUnscaled(unscaledBigInt(a), from.scale, 0);
  const [min, max] = INTEGER_RANGES[target];
  if (r < BigInt(min) || r > BigInt(max)) {
    // Trino reports the rounded value for short decimals and the decimal text for long ones.
    const shown = from.precision <= 18 ? r.toString() : decimalToString(a, from.scale);
    throw invalidCast(`Cannot cast '${shown}' to ${target}`);
  }
  return Number(r);
}

/** CAST(integral AS decimal(p,s)); `source` names the source type in the error message. */
export function integralToDecimal(
  v: Int64,
  to: DecimalType,
  source: 'BIGINT' | 'INTEGER' | 'SMALLINT' | 'TINYINT' = 'BIGINT',
): DecimalValue {
  if (typeof v === 'number' && isNumberDecimal(to)) {
    const r = v * POW10_NUMBER[to.scale];
    if (Number.isSafeInteger(r) && Math.abs(r) < POW10_NUMBER[to.precision]) return r + 0;
  }
  const r = BigInt(v) * pow10(to.scale);
  if (overflowsPrecision(r, to.precision)) {
    throw invalidCast(`Cannot cast ${source} '${v}' to DECIMAL(${to.precision}, ${to.scale})`);
  }
  return decimalValueOf(r, to);
}

export function decimalToBoolean(a: DecimalValue): boolean {
  return typeof a === 'number' ? a !== 0 : a !== 0n;
}

export function booleanToDecimal(v: boolean, to: DecimalType): DecimalValue {
  const r = v ? pow10(to.scale) : 0n;
  if (overflowsPrecision(r, to.precision)) {
    throw invalidCast(`Cannot cast BOOLEAN '${v}' to DECIMAL(${to.precision}, ${to.scale})`);
  }
  return decimalValueOf(r, to);
}

/** CAST(decimal AS double), as Trino computes it (DecimalConversions). */
export function decimalToDouble(a: DecimalValue, from: DecimalType): number {
  const u = unscaledBigInt(a);
  if (from.precision <= 18) return Number(u) / POW10_NUMBER[from.scale];
  if (from.scale < 23 && u <= 4503599627370495n && u >= -4503599627370495n)
    return Number(u) / POW10_NUMBER[from.scale];
  return Number(decimalToString(a, from.scale));
}

/** CAST(decimal AS real). */
export function decimalToReal(a: DecimalValue, from: DecimalType): number {
  const u = unscaledBigInt(a);
  if (from.precision <= 18 || (from.scale < 11 && u <= 4194303n && u >= -4194303n)) {
    return Math.fround(Math.fround(Number(u)) / Math.fround(POW10_NUMBER[from.scale]));
  }
  return Math.fround(Number(decimalToString(a, from.scale)));
}

/** Decimal digits and exponent → unscaled value at `scale`, HALF_UP; undefined when it cannot fit 38 digits. */
function scaleDigits(negative: boolean, digits: string, exp10: number, scale: number): bigint | undefined {
  // value = digits × 10^exp10
  const mantissa = digits.replace(/^0+/, '');
  if (mantissa === '') return 0n;
  const shift = exp10 + scale;
  let r: bigint;
  if (shift >= 0) {
    if (mantissa.length + shift > MAX_DECIMAL_PRECISION + 1) return undefined;
    r = BigInt(mantissa) * pow10(shift);
  } else if (mantissa.length + shift < 0) {
    r = 0n;
  } else {
    r = divideRoundHalfUp(BigInt(mantissa), pow10(-shift));
  }
  return negative ? -r : r;
}

function floatingToDecimal(x: number, to: DecimalType, isReal: boolean): DecimalValue {
  const label = isReal ? 'REAL' : 'DOUBLE';
  const shown = isReal ? javaFloatToString(x) : javaDoubleToString(x);
  const fail = () => invalidCast(`Cannot cast ${label} '${shown}' to DECIMAL(${to.precision}, ${to.scale})`);
  if (!Number.isFinite(x)) throw fail();
  if (x === 0) return decimalValueOf(0n, to);
  // BigDecimal.valueOf(double) / new BigDecimal(Float.toString(f)): Java's shortest digits.
  const d = isReal ? shortestFloatDigits(x) : shortestDoubleDigits(x);
  const r = scaleDigits(x < 0, d.digits, d.pointPos - d.digits.length, to.scale);
  if (r === undefined || overflowsPrecision(r, to.precision)) throw fail();
  return decimalValueOf(r, to);
}

/** CAST(double AS decimal(p,s)). */
export function doubleToDecimal(x: number, to: DecimalType): DecimalValue {
  return floatingToDecimal(x, to, false);
}

/** CAST(real AS decimal(p,s)). */
export function realToDecimal(x: number, to: DecimalType): DecimalValue {
  return floatingToDecimal(Math.fround(x), to, true);
}

const BIG_DECIMAL_TEXT = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

/** CAST(varchar AS decimal(p,s)) (java.math.BigDecimal syntax, HALF_UP to the target scale). */
export function varcharToDecimal(text: string, to: DecimalType): DecimalValue {
  const m = BIG_DECIMAL_TEXT.exec(text);
  const target = `DECIMAL(${to.precision}, ${to.scale})`;
  if (!m) throw invalidCast(`Cannot cast VARCHAR '${text}' to ${target}. Value is not a number.`);
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? m[4] ?? '';
  const exp = m[5] === undefined ? 0 : Number(m[5]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 2147483647) {
    throw invalidCast(`Cannot cast VARCHAR '${text}' to ${target}. Value is not a number.`);
  }
  const r = scaleDigits(m[1] === '-', intPart + fracPart, exp - fracPart.length, to.scale);
  if (r === undefined || overflowsPrecision(r, to.precision)) {
    throw invalidCast(`Cannot cast VARCHAR '${text}' to ${target}. Value too large.`);
  }
  return decimalValueOf(r, to);
}
