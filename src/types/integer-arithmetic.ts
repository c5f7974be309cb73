/**
 * Exact integer arithmetic with Trino's overflow rules (BigintOperators, IntegerOperators,
 * SmallintOperators, TinyintOperators).
 *
 * Each operation is typed: tinyint/smallint/integer values are JS numbers and the result must fit
 * the operand type; bigint values are Int64 (number when safe, bigint beyond ±2^53, values.ts) and
 * the result must fit a Java long. Overflow raises NUMERIC_VALUE_OUT_OF_RANGE with Trino's message
 * (`bigint addition overflow: 9223372036854775807 + 1`); division truncates toward zero; a zero
 * divisor raises DIVISION_BY_ZERO 'Division by zero'; `%` takes the sign of the dividend.
 */

import { TrinoError } from '../errors';
import { javaDoubleToString, javaFloatToString } from './float-format';
import { INT64_MAX, INT64_MIN, normalizeInt64, type Int64 } from './values';

export type IntegralKind = 'tinyint' | 'smallint' | 'integer' | 'bigint';

const RANGES: Record<Exclude<IntegralKind, 'bigint'>, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

function overflow(kind: IntegralKind, op: string, a: Int64, symbol: string, b: Int64): TrinoError {
  return new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `${kind} ${op} overflow: ${a} ${symbol} ${b}`);
}

function divisionByZero(): TrinoError {
  return new TrinoError('DIVISION_BY_ZERO', 'Division by zero');
}

function inRange(kind: Exclude<IntegralKind, 'bigint'>, v: number): boolean {
  const [min, max] = RANGES[kind];
  return v >= min && v <= max;
}

// ---------------------------------------------------------------------------------------------
// Small types (values are numbers; every intermediate is exact in float64)

export function smallAdd(kind: Exclude<IntegralKind, 'bigint'>, a: number, b: number): number {
  const r = a + b;
  if (!inRange(kind, r)) throw overflow(kind, 'addition', a, '+', b);
  return r;
}

export function smallSubtract(kind: Exclude<IntegralKind, 'bigint'>, a: number, b: number): number {
  const r = a - b;
  if (!inRange(kind, r)) throw overflow(kind, 'subtraction', a, '-', b);
  return r;
}

export function smallMultiply(kind: Exclude<IntegralKind, 'bigint'>, a: number, b: number): number {
  const r = a * b; // |a*b| <= 2^62 is not exact in float64 in general, but the range check
  // only needs to know whether it exceeds 2^31, which float64 decides correctly.
  if (!inRange(kind, r)) throw overflow(kind, 'multiplication', a, '*', b);
  return r + 0;
}

export function smallDivide(kind: Exclude<IntegralKind, 'bigint'>, a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  const r = Math.trunc(a / b);
  if (!inRange(kind, r)) throw overflow(kind, 'division', a, '/', b);
  return r + 0;
}

export function smallModulus(_kind: Exclude<IntegralKind, 'bigint'>, a: number, b: number): number {
  if (b === 0) throw divisionByZero();
  return (a % b) + 0;
}

export function smallNegate(kind: Exclude<IntegralKind, 'bigint'>, a: number): number {
  const r = -a;
  if (!inRange(kind, r))
    throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `${kind} negation overflow: ${a}`);
  return r + 0;
}

// ---------------------------------------------------------------------------------------------
// bigint (Int64)

function checkLong(r: bigint): boolean {
  return r >= INT64_MIN && r <= INT64_MAX;
}

export function bigintAdd(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  const r = BigInt(a) + BigInt(b);
  if (!checkLong(r)) throw overflow('bigint', 'addition', a, '+', b);
  return normalizeInt64(r);
}

export function bigintSubtract(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  const r = BigInt(a) - BigInt(b);
  if (!checkLong(r)) throw overflow('bigint', 'subtraction', a, '-', b);
  return normalizeInt64(r);
}

export function bigintMultiply(a: Int64, b: Int64): Int64 {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  const r = BigInt(a) * BigInt(b);
  if (!checkLong(r)) throw overflow('bigint', 'multiplication', a, '*', b);
  return normalizeInt64(r);
}

export function bigintDivide(a: Int64, b: Int64): Int64 {
  if (b === 0 || b === 0n) throw divisionByZero();
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b) + 0;
  const r = BigInt(a) / BigInt(b);
  if (!checkLong(r)) throw overflow('bigint', 'division', a, '/', b);
  return normalizeInt64(r);
}

export function bigintModulus(a: Int64, b: Int64): Int64 {
  if (b === 0 || b === 0n) throw divisionByZero();
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  return normalizeInt64(BigInt(a) % BigInt(b));
}

export function bigintNegate(a: Int64): Int64 {
  if (typeof a === 'number') return 0 - a;
  const r = -a;
  if (!checkLong(r)) throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `bigint negation overflow: ${a}`);
  return normalizeInt64(r);
}

export function bigintAbs(a: Int64): Int64 {
  if (typeof a === 'number') return Math.abs(a);
  if (a === INT64_MIN)
    throw new TrinoError(
      'NUMERIC_VALUE_OUT_OF_RANGE',
      `Value -9223372036854775808 is out of range for abs(bigint)`,
    );
  return normalizeInt64(a < 0n ? -a : a);
}

export function bigintCompare(a: Int64, b: Int64): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Dispatch by type

/** `a + b` for any integral type. */
export function integralAdd(kind: IntegralKind, a: Int64, b: Int64): Int64 {
  return kind === 'bigint' ? bigintAdd(a, b) : smallAdd(kind, a as number, b as number);
}
export function integralSubtract(kind: IntegralKind, a: Int64, b: Int64): Int64 {
  return kind === 'bigint' ? bigintSubtract(a, b) : smallSubtract(kind, a as number, b as number);
}
export function integralMultiply(kind: IntegralKind, a: Int64, b: Int64): Int64 {
  return kind === 'bigint' ? bigintMultiply(a, b) : smallMultiply(kind, a as number, b as number);
}
export function integralDivide(kind: IntegralKind, a: Int64, b: Int64): Int64 {
  return kind === 'bigint' ? bigintDivide(a, b) : smallDivide(kind, a as number, b as number);
}
export function integralModulus(kind: IntegralKind, a: Int64, b: Int64): Int64 {
  return kind === 'bigint' ? bigintModulus(a, b) : smallModulus(kind, a as number, b as number);
}
export function integralNegate(kind: IntegralKind, a: Int64): Int64 {
  return kind === 'bigint' ? bigintNegate(a) : smallNegate(kind, a as number);
}

// ---------------------------------------------------------------------------------------------
// Casts between integral and floating types

/** CAST(integral AS narrower integral): NUMERIC_VALUE_OUT_OF_RANGE `Out of range for smallint: 40000`. */
export function integralToIntegral(v: Int64, to: IntegralKind): Int64 {
  if (to === 'bigint') return v;
  const n = typeof v === 'bigint' ? Number.NaN : v;
  if (!inRange(to, n)) throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `Out of range for ${to}: ${v}`);
  return n;
}

/** Java's Math.round semantics as used by Trino (half away from zero for casts). */
function roundHalfAwayFromZero(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** CAST(double AS bigint): HALF_UP (away from zero); INVALID_CAST_ARGUMENT outside long range or NaN. */
export function doubleToBigint(x: number): Int64 {
  if (!Number.isFinite(x))
    throw new TrinoError('INVALID_CAST_ARGUMENT', `Unable to cast ${javaDoubleToString(x)} to bigint`);
  const r = roundHalfAwayFromZero(x);
  if (r >= 9223372036854775808 || r < -9223372036854775808) {
    throw new TrinoError('INVALID_CAST_ARGUMENT', `Unable to cast ${javaDoubleToString(x)} to bigint`);
  }
  return Number.isSafeInteger(r) ? r + 0 : normalizeInt64(BigInt(r));
}

/** CAST(double AS integer | smallint | tinyint). */
export function doubleToSmallIntegral(x: number, to: Exclude<IntegralKind, 'bigint'>): number {
  if (Number.isNaN(x)) throw new TrinoError('INVALID_CAST_ARGUMENT', `Cannot cast double NaN to ${to}`);
  const r = roundHalfAwayFromZero(x);
  if (!inRange(to, r))
    throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `Out of range for ${to}: ${javaDoubleToString(x)}`);
  return r + 0;
}

/** CAST(real AS bigint): Trino rounds half away from zero and saturates at the long range (Java's (long) cast). */
export function realToBigint(x: number): Int64 {
  const f = Math.fround(x);
  if (Number.isNaN(f)) throw new TrinoError('INVALID_CAST_ARGUMENT', 'Cannot cast real NaN to bigint');
  const r = roundHalfAwayFromZero(f);
  if (r >= 2 ** 63) return INT64_MAX;
  if (r <= -(2 ** 63)) return INT64_MIN;
  return Number.isSafeInteger(r) ? r + 0 : normalizeInt64(BigInt(r));
}

/** CAST(real AS integer | smallint | tinyint). */
export function realToSmallIntegral(x: number, to: Exclude<IntegralKind, 'bigint'>): number {
  const f = Math.fround(x);
  if (Number.isNaN(f)) throw new TrinoError('INVALID_CAST_ARGUMENT', `Cannot cast real NaN to ${to}`);
  const r = roundHalfAwayFromZero(f);
  if (!inRange(to, r))
    throw new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', `Out of range for ${to}: ${javaFloatToString(f)}`);
  return r + 0;
}

/** CAST(integral AS double): exact below 2^53, else correctly rounded. */
export function integralToDouble(v: Int64): number {
  return typeof v === 'number' ? v : Number(v);
}

/** CAST(integral AS real). */
export function integralToReal(v: Int64): number {
  return Math.fround(typeof v === 'number' ? v : Number(v));
}
