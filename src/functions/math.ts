/**
 * Mathematical functions (Trino's MathFunctions, BitwiseFunctions; trino.io/docs functions/math.html,
 * functions/bitwise.html). Exact types keep their type: abs(bigint) is bigint and overflow-checked,
 * ceiling/floor/round/truncate of decimal(p,s) return decimal with Trino's result precision.
 */

import {
  decimalModulus,
  decimalModulusType,
  decimalValueOf,
  divideRoundHalfUp,
  pow10,
  smallModulus,
  bigintModulus,
  bigintAbs,
  decimalType,
  type DecimalType,
  type Int64,
  type SqlType,
} from '../types';
import type { BoundFunction, ScalarFunctionSpec } from './registry';
import { big, checkArgument, int64, invalidArgument, LONG_MAX, LONG_MIN, outOfRange } from './util';

const INTEGRAL = ['tinyint', 'smallint', 'integer', 'bigint'] as const;
type IntegralName = (typeof INTEGRAL)[number];

const SMALL_RANGE: Record<Exclude<IntegralName, 'bigint'>, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

const fround = Math.fround;

// ---------------------------------------------------------------------------------------------
// Decimal helpers

function unscaled(v: unknown): bigint {
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

function decimalResult(v: bigint, t: SqlType): unknown {
  return decimalValueOf(v, t as DecimalType);
}

/** Floor division for bigint. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n === b < 0n ? q + 1n : q;
}

function argScale(b: BoundFunction): number {
  return (b.argumentTypes[0] as DecimalType).scale;
}

function argPrecision(b: BoundFunction): number {
  return (b.argumentTypes[0] as DecimalType).precision;
}

// ---------------------------------------------------------------------------------------------
// Java semantics

/** Java's Math.round for a non-negative finite double (half up), as a double. */
function javaRoundPositive(x: number): number {
  const f = Math.floor(x);
  return x - f >= 0.5 ? f + 1 : f;
}

/** Trino's round(double, n): HALF away from zero at n decimal places. */
export function roundDouble(num: number, decimals: number): number {
  if (!Number.isFinite(num)) return num;
  const factor = Math.pow(10, decimals);
  const scaled = Math.abs(num) * factor;
  // Beyond 2^52 a double has no fraction: it is already rounded (Java's long-returning Math.round
  // would saturate here; Tessera keeps the value).
  if (!Number.isFinite(scaled) || scaled >= 4503599627370496) return num;
  const r = javaRoundPositive(scaled) / factor;
  return num < 0 ? -r : r;
}

function roundReal(num: number, decimals: number): number {
  if (!Number.isFinite(num)) return num;
  return fround(roundDouble(num, decimals));
}

/** Trino's truncate(double): sign(x) * floor(|x|). */
function truncateDouble(x: number): number {
  return Math.sign(x) * Math.floor(Math.abs(x));
}

function checkSmall(kind: Exclude<IntegralName, 'bigint'>, v: bigint | number): number {
  const n = Number(v);
  const [min, max] = SMALL_RANGE[kind];
  if (n < min || n > max) throw outOfRange(`Out of range for ${kind}: ${v}`);
  return n;
}

/** Trino's roundLong: integral round(x, d) (HALF_UP at a negative number of places). */
function roundIntegral(num: Int64, decimals: number | bigint): bigint {
  const x = big(num);
  if (decimals >= 0) return x;
  const d = -Number(decimals);
  if (d > 18) throw outOfRange(`numerical overflow: ${num}`);
  const factor = pow10(d);
  const r = divideRoundHalfUp(x, factor) * factor;
  if (r > LONG_MAX || r < LONG_MIN) throw outOfRange(`numerical overflow: ${num}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Declarations

function doubleFn(name: string, description: string, f: (x: number) => number): ScalarFunctionSpec {
  return { name, arguments: ['double'], returns: 'double', description, invoke: (_c, x: number) => f(x) };
}

const ABS_MESSAGES: Record<IntegralName, string> = {
  tinyint: 'Value -128 is out of range for abs(tinyint)',
  smallint: 'Value -32768 is out of range for abs(smallint)',
  integer: 'Value -2147483648 is out of range for abs(integer)',
  bigint: 'Value -9223372036854775808 is out of range for abs(bigint)',
};

function absSpecs(): ScalarFunctionSpec[] {
  const specs: ScalarFunctionSpec[] = INTEGRAL.map((t) => ({
    name: 'abs',
    arguments: [t],
    returns: t,
    description: 'Absolute value',
    invoke:
      t === 'bigint'
        ? (_c, x: Int64) => bigintAbs(x)
        : (_c, x: number) => {
            if (x === SMALL_RANGE[t][0]) throw outOfRange(ABS_MESSAGES[t]);
            return Math.abs(x);
          },
  }));
  specs.push(
    {
      name: 'abs',
      arguments: ['double'],
      returns: 'double',
      description: 'Absolute value',
      invoke: (_c, x: number) => Math.abs(x),
    },
    {
      name: 'abs',
      arguments: ['real'],
      returns: 'real',
      description: 'Absolute value',
      invoke: (_c, x: number) => Math.abs(x),
    },
    {
      name: 'abs',
      arguments: ['decimal(p,s)'],
      returns: 'decimal(p,s)',
      description: 'Absolute value',
      invoke: (_c, x: number | bigint) => (typeof x === 'number' ? Math.abs(x) : x < 0n ? -x : x),
    },
  );
  return specs;
}

/** ceiling / floor */
function roundingSpecs(
  name: string,
  aliases: string[],
  description: string,
  doubleOp: (x: number) => number,
  decimalOp: (v: bigint, factor: bigint) => bigint,
): ScalarFunctionSpec[] {
  const specs: ScalarFunctionSpec[] = INTEGRAL.map((t) => ({
    name,
    aliases,
    arguments: [t],
    returns: t,
    description,
    invoke: (_c, x: unknown) => x,
  }));
  specs.push(
    {
      name,
      aliases,
      arguments: ['double'],
      returns: 'double',
      description,
      invoke: (_c, x: number) => doubleOp(x),
    },
    {
      name,
      aliases,
      arguments: ['real'],
      returns: 'real',
      description,
      invoke: (_c, x: number) => fround(doubleOp(x)),
    },
    {
      name,
      aliases,
      arguments: ['decimal(p,s)'],
      returns: 'decimal(rp,0)',
      literals: { rp: (v) => v.p - v.s + Math.min(v.s, 1) },
      description,
      specialize: (b) => {
        const factor = pow10(argScale(b));
        const rt = b.returnType;
        return (_c, x: unknown) => decimalResult(decimalOp(unscaled(x), factor), rt);
      },
    },
  );
  return specs;
}

function roundSpecs(): ScalarFunctionSpec[] {
  const d1 = 'Round to nearest integer';
  const d2 = 'Round to given number of decimal places';
  const specs: ScalarFunctionSpec[] = [];
  for (const t of INTEGRAL) {
    specs.push({ name: 'round', arguments: [t], returns: t, description: d1, invoke: (_c, x: unknown) => x });
  }
  for (const t of INTEGRAL) {
    specs.push({
      name: 'round',
      arguments: [t, 'integer'],
      returns: t,
      description: d1,
      invoke: (_c, x: Int64, d: number) => {
        const r = roundIntegral(x, d);
        return t === 'bigint' ? int64(r) : checkSmall(t, r);
      },
    });
  }
  specs.push(
    {
      name: 'round',
      arguments: ['double'],
      returns: 'double',
      description: d1,
      invoke: (_c, x: number) => roundDouble(x, 0),
    },
    {
      name: 'round',
      arguments: ['real'],
      returns: 'real',
      description: d2,
      invoke: (_c, x: number) => roundReal(x, 0),
    },
    {
      name: 'round',
      arguments: ['double', 'integer'],
      returns: 'double',
      description: d2,
      invoke: (_c, x: number, d: number) => roundDouble(x, d),
    },
    {
      name: 'round',
      arguments: ['real', 'integer'],
      returns: 'real',
      description: d2,
      invoke: (_c, x: number, d: number) => roundReal(x, d),
    },
    {
      name: 'round',
      arguments: ['decimal(p,s)'],
      returns: 'decimal(rp,0)',
      literals: { rp: (v) => Math.min(38, v.p - v.s + Math.min(1, v.s)) },
      description: d1,
      specialize: (b) => {
        const factor = pow10(argScale(b));
        const rt = b.returnType;
        return (_c, x: unknown) => {
          const r = divideRoundHalfUp(unscaled(x), factor);
          if (r >= pow10((rt as DecimalType).precision) || r <= -pow10((rt as DecimalType).precision)) {
            throw outOfRange('Decimal overflow');
          }
          return decimalResult(r, rt);
        };
      },
    },
    {
      name: 'round',
      arguments: ['decimal(p,s)', 'integer'],
      returns: 'decimal(rp,s)',
      literals: { rp: (v) => Math.min(38, v.p + 1) },
      description: d2,
      specialize: (b) => {
        const p = argPrecision(b);
        const s = argScale(b);
        const rt = b.returnType as DecimalType;
        const limit = pow10(rt.precision);
        return (_c, x: unknown, d: number) => {
          const v = unscaled(x);
          // Trino's short-decimal path returns 0 once no integer digit can survive
          if (v === 0n || (p <= 18 && p - s + d <= 0)) return decimalResult(0n, rt);
          if (d >= s) return decimalResult(v, rt);
          const drop = s - d;
          if (drop > 38) return decimalResult(0n, rt);
          const factor = pow10(drop);
          const r = divideRoundHalfUp(v, factor) * factor;
          if (r >= limit || r <= -limit) throw outOfRange(`decimal overflow: ${x}`);
          return decimalResult(r, rt);
        };
      },
    },
  );
  return specs;
}

function truncateSpecs(): ScalarFunctionSpec[] {
  const d1 = 'Round to integer by dropping digits after decimal point';
  const d2 = 'Round to integer by dropping given number of digits after decimal point';
  return [
    {
      name: 'truncate',
      arguments: ['double'],
      returns: 'double',
      description: d1,
      invoke: (_c, x: number) => truncateDouble(x),
    },
    {
      name: 'truncate',
      arguments: ['real'],
      returns: 'real',
      description: d1,
      invoke: (_c, x: number) => fround(truncateDouble(x)),
    },
    {
      name: 'truncate',
      arguments: ['decimal(p,s)'],
      returns: 'decimal(rp,0)',
      literals: { rp: (v) => Math.max(1, v.p - v.s) },
      description: d1,
      specialize: (b) => {
        const factor = pow10(argScale(b));
        const rt = b.returnType;
        return (_c, x: unknown) => decimalResult(unscaled(x) / factor, rt);
      },
    },
    {
      name: 'truncate',
      arguments: ['decimal(p,s)', 'integer'],
      returns: 'decimal(p,s)',
      description: d2,
      specialize: (b) => {
        const p = argPrecision(b);
        const s = argScale(b);
        const rt = b.returnType;
        return (_c, x: unknown, d: number) => {
          const v = unscaled(x);
          if (v === 0n || p - s + d <= 0) return decimalResult(0n, rt);
          if (d >= s) return x;
          const factor = pow10(s - d);
          return decimalResult(v - (v % factor), rt);
        };
      },
    },
  ];
}

function signSpecs(): ScalarFunctionSpec[] {
  const description = 'Signum';
  const specs: ScalarFunctionSpec[] = INTEGRAL.map((t) => ({
    name: 'sign',
    arguments: [t],
    returns: t,
    description,
    invoke: (_c, x: Int64) => (typeof x === 'bigint' ? (x > 0n ? 1 : -1) : Math.sign(x) + 0),
  }));
  specs.push(
    {
      name: 'sign',
      arguments: ['double'],
      returns: 'double',
      description,
      invoke: (_c, x: number) => Math.sign(x),
    },
    {
      name: 'sign',
      arguments: ['real'],
      returns: 'real',
      description,
      invoke: (_c, x: number) => Math.sign(x),
    },
    {
      name: 'sign',
      arguments: ['decimal(p,s)'],
      returns: 'decimal(1,0)',
      description,
      invoke: (_c, x: number | bigint) =>
        typeof x === 'number' ? Math.sign(x) + 0 : x > 0n ? 1 : x < 0n ? -1 : 0,
    },
  );
  return specs;
}

function modSpecs(): ScalarFunctionSpec[] {
  const description = 'Remainder of given quotient';
  const specs: ScalarFunctionSpec[] = INTEGRAL.map((t) => ({
    name: 'mod',
    arguments: [t, t],
    returns: t,
    description,
    invoke:
      t === 'bigint'
        ? (_c, a: Int64, b: Int64) => bigintModulus(a, b)
        : (_c, a: number, b: number) => smallModulus(t, a, b),
  }));
  specs.push(
    {
      name: 'mod',
      arguments: ['double', 'double'],
      returns: 'double',
      description,
      invoke: (_c, a: number, b: number) => a % b,
    },
    {
      name: 'mod',
      arguments: ['real', 'real'],
      returns: 'real',
      description,
      invoke: (_c, a: number, b: number) => fround(a % b),
    },
    {
      name: 'mod',
      arguments: ['decimal(a_precision,a_scale)', 'decimal(b_precision,b_scale)'],
      returns: 'decimal(r_precision,r_scale)',
      literals: {
        r_precision: (v) =>
          decimalModulusType(decimalType(v.a_precision, v.a_scale), decimalType(v.b_precision, v.b_scale))
            .precision,
        r_scale: (v) => Math.max(v.a_scale, v.b_scale),
      },
      description,
      specialize: (b) => {
        const at = b.argumentTypes[0] as DecimalType;
        const bt = b.argumentTypes[1] as DecimalType;
        return (_c, x: number | bigint, y: number | bigint) => decimalModulus(x, at, y, bt);
      },
    },
  );
  return specs;
}

function randomSpecs(): ScalarFunctionSpec[] {
  const specs: ScalarFunctionSpec[] = [
    {
      name: 'random',
      aliases: ['rand'],
      arguments: [],
      returns: 'double',
      deterministic: false,
      description: 'A pseudo-random value',
      invoke: () => Math.random(),
    },
  ];
  for (const t of INTEGRAL) {
    specs.push({
      name: 'random',
      aliases: ['rand'],
      arguments: [t],
      returns: t,
      deterministic: false,
      description: 'A pseudo-random number between 0 and value (exclusive)',
      invoke: (_c, bound: Int64) => {
        checkArgument(big(bound) > 0n, 'bound must be positive');
        return randomBelow(0n, big(bound));
      },
    });
    specs.push({
      name: 'random',
      aliases: ['rand'],
      arguments: [t, t],
      returns: t,
      deterministic: false,
      description: 'A pseudo-random number between start and stop (exclusive)',
      invoke: (_c, start: Int64, stop: Int64) => {
        checkArgument(big(start) < big(stop), 'start value must be less than stop value');
        return randomBelow(big(start), big(stop));
      },
    });
  }
  return specs;
}

function randomBelow(start: bigint, stop: bigint): Int64 {
  const range = stop - start;
  if (range <= 9007199254740991n) return int64(start + BigInt(Math.floor(Math.random() * Number(range))));
  // 64 random bits, rejection-free modulo (negligible bias for a non-cryptographic random)
  const hi = BigInt(Math.floor(Math.random() * 2 ** 32));
  const lo = BigInt(Math.floor(Math.random() * 2 ** 32));
  return int64(start + (((hi << 32n) | lo) % range));
}

// ---------------------------------------------------------------------------------------------
// width_bucket, bases, bitwise

function widthBucket(operand: number, bound1: number, bound2: number, bucketCount: Int64): Int64 {
  const count = big(bucketCount);
  checkArgument(count > 0n, 'bucketCount must be greater than 0');
  checkArgument(!Number.isNaN(operand), 'operand must not be NaN');
  checkArgument(Number.isFinite(bound1), 'first bound must be finite');
  checkArgument(Number.isFinite(bound2), 'second bound must be finite');
  checkArgument(bound1 !== bound2, 'bounds cannot equal each other');
  const lower = Math.min(bound1, bound2);
  const upper = Math.max(bound1, bound2);
  let result: bigint;
  if (operand < lower) result = 0n;
  else if (operand >= upper) {
    if (count === LONG_MAX) {
      throw outOfRange(`Bucket for value ${operand === Infinity ? 'Infinity' : operand} is out of range`);
    }
    result = count + 1n;
  } else {
    const r = (Number(count) * (operand - lower)) / (upper - lower) + 1;
    result = r >= 9.223372036854776e18 ? LONG_MAX : BigInt(Math.trunc(r));
  }
  if (bound1 > bound2) result = count - result + 1n;
  return int64(result);
}

function widthBucketBins(operand: number, bins: (number | null)[]): Int64 {
  const n = bins.length;
  checkArgument(n > 0, 'Bins cannot be an empty array');
  checkArgument(!Number.isNaN(operand), 'Operand cannot be NaN');
  let lower = 0;
  let upper = n;
  const at = (i: number): number => {
    const v = bins[i];
    if (v === null) throw invalidArgument('Bin values cannot be NULL');
    return v;
  };
  while (lower < upper) {
    if (at(lower) > at(upper - 1)) throw invalidArgument('Bin values are not sorted in ascending order');
    const index = Math.floor((lower + upper) / 2);
    const bin = at(index);
    if (!Number.isFinite(bin)) throw invalidArgument(`Bin value must be finite, got ${bin}`);
    if (operand < bin) upper = index;
    else lower = index + 1;
  }
  return lower;
}

function checkRadix(radix: Int64): number {
  const r = big(radix);
  checkArgument(r >= 2n && r <= 36n, 'Radix must be between 2 and 36');
  return Number(r);
}

/** Java's Long.parseLong(s, radix). */
function parseLong(s: string, radix: number): bigint | undefined {
  if (s.length === 0) return undefined;
  let i = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    i = 1;
    if (s.length === 1) return undefined;
  }
  let v = 0n;
  const r = BigInt(radix);
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 36);
    if (Number.isNaN(d) || d >= radix) return undefined;
    v = v * r + BigInt(d);
    if (v > LONG_MAX + 1n) return undefined;
  }
  if (negative) v = -v;
  return v < LONG_MIN || v > LONG_MAX ? undefined : v;
}

const asLong = (v: bigint): Int64 => int64(BigInt.asIntN(64, v));

function bitCount(num: Int64, bits: Int64): Int64 {
  const b = big(bits);
  checkArgument(
    b >= 2n && b <= 64n,
    () => `Bits specified in bit_count must be between 2 and 64, got ${bits}`,
  );
  const x = big(num);
  const lowest = -(1n << (b - 1n));
  const highest = (1n << (b - 1n)) - 1n;
  checkArgument(
    x >= lowest && x <= highest,
    () =>
      `Number must be representable with the bits specified. ${num} can not be represented with ${bits} bits`,
  );
  let v = BigInt.asUintN(Number(b), x);
  let count = 0;
  while (v > 0n) {
    count += Number(v & 1n);
    v >>= 1n;
  }
  return count;
}

const WIDTH: Record<IntegralName, number> = { tinyint: 8, smallint: 16, integer: 32, bigint: 64 };

function shiftSpecs(): ScalarFunctionSpec[] {
  const specs: ScalarFunctionSpec[] = [];
  for (const t of INTEGRAL) {
    const w = WIDTH[t];
    const wrap = (v: bigint): Int64 =>
      t === 'bigint' ? int64(BigInt.asIntN(64, v)) : Number(BigInt.asIntN(w, v));
    specs.push(
      {
        name: 'bitwise_left_shift',
        arguments: [t, 'bigint'],
        returns: t,
        description: 'Shifting the bits of a value to the left',
        invoke: (_c, v: Int64, shift: Int64) => {
          const s = big(shift);
          if (s < 0n || s >= BigInt(w)) return 0;
          return wrap(big(v) << s);
        },
      },
      {
        name: 'bitwise_right_shift',
        arguments: [t, 'bigint'],
        returns: t,
        description: 'Shifting the bits of a value to the right (logical)',
        invoke: (_c, v: Int64, shift: Int64) => {
          const s = big(shift);
          if (s < 0n || s >= BigInt(w)) return 0;
          return wrap(BigInt.asUintN(w, big(v)) >> s);
        },
      },
      {
        name: 'bitwise_right_shift_arithmetic',
        arguments: [t, 'bigint'],
        returns: t,
        description: 'Shifting the bits of a value to the right (arithmetic)',
        invoke: (_c, v: Int64, shift: Int64) => {
          const s = big(shift);
          const x = big(v);
          if (s < 0n || s >= BigInt(w)) return x < 0n ? -1 : 0;
          return wrap(x >> s);
        },
      },
    );
  }
  return specs;
}

// ---------------------------------------------------------------------------------------------

export const mathFunctions: ScalarFunctionSpec[] = [
  ...absSpecs(),
  ...roundingSpecs('ceiling', ['ceil'], 'Round up to nearest integer', Math.ceil, (v, f) => ceilDiv(v, f)),
  ...roundingSpecs('floor', [], 'Round down to nearest integer', Math.floor, (v, f) => floorDiv(v, f)),
  ...roundSpecs(),
  ...truncateSpecs(),
  ...signSpecs(),
  ...modSpecs(),
  ...randomSpecs(),
  ...shiftSpecs(),
  doubleFn('acos', 'Arc cosine', Math.acos),
  doubleFn('asin', 'Arc sine', Math.asin),
  doubleFn('atan', 'Arc tangent', Math.atan),
  {
    name: 'atan2',
    arguments: ['double', 'double'],
    returns: 'double',
    description: 'Arc tangent of given fraction',
    invoke: (_c, y: number, x: number) => Math.atan2(y, x),
  },
  doubleFn('cbrt', 'Cube root', Math.cbrt),
  doubleFn('cos', 'Cosine', Math.cos),
  doubleFn('cosh', 'Hyperbolic cosine', Math.cosh),
  doubleFn('sin', 'Sine', Math.sin),
  doubleFn('sinh', 'Hyperbolic sine', Math.sinh),
  doubleFn('tan', 'Tangent', Math.tan),
  doubleFn('tanh', 'Hyperbolic tangent', Math.tanh),
  doubleFn('degrees', 'Converts an angle in radians to degrees', (x) => (x * 180) / Math.PI),
  doubleFn('radians', 'Converts an angle in degrees to radians', (x) => (x / 180) * Math.PI),
  doubleFn('exp', "Euler's number raised to the given power", Math.exp),
  doubleFn('ln', 'Natural logarithm', Math.log),
  doubleFn('log2', 'Logarithm to base 2', (x) => Math.log(x) / Math.LN2),
  doubleFn('log10', 'Logarithm to base 10', Math.log10),
  doubleFn('sqrt', 'Square root', Math.sqrt),
  {
    name: 'log',
    arguments: ['double', 'double'],
    returns: 'double',
    description: 'Logarithm to given base',
    invoke: (_c, b: number, x: number) => Math.log(x) / Math.log(b),
  },
  {
    name: 'power',
    aliases: ['pow'],
    arguments: ['double', 'double'],
    returns: 'double',
    description: 'Value raised to the power of exponent',
    invoke: (_c, x: number, y: number) => Math.pow(x, y), // Math.pow agrees with Java's
  },
  { name: 'pi', arguments: [], returns: 'double', description: 'The constant Pi', invoke: () => Math.PI },
  { name: 'e', arguments: [], returns: 'double', description: "Euler's number", invoke: () => Math.E },
  {
    name: 'nan',
    arguments: [],
    returns: 'double',
    description: 'Constant representing not-a-number',
    invoke: () => NaN,
  },
  { name: 'infinity', arguments: [], returns: 'double', description: 'Infinity', invoke: () => Infinity },
  {
    name: 'is_nan',
    arguments: ['double'],
    returns: 'boolean',
    description: 'Test if value is not-a-number',
    invoke: (_c, x: number) => Number.isNaN(x),
  },
  {
    name: 'is_finite',
    arguments: ['double'],
    returns: 'boolean',
    description: 'Test if value is finite',
    invoke: (_c, x: number) => Number.isFinite(x),
  },
  {
    name: 'is_infinite',
    arguments: ['double'],
    returns: 'boolean',
    description: 'Test if value is infinite',
    invoke: (_c, x: number) => x === Infinity || x === -Infinity,
  },
  {
    name: 'width_bucket',
    arguments: ['double', 'double', 'double', 'bigint'],
    returns: 'bigint',
    description: 'The bucket number of a value given a lower and upper bound and the number of buckets',
    invoke: (_c, x: number, b1: number, b2: number, n: Int64) => widthBucket(x, b1, b2, n),
  },
  {
    name: 'width_bucket',
    arguments: ['double', 'array(double)'],
    returns: 'bigint',
    description: 'The bucket number of a value given an array of bins',
    invoke: (_c, x: number, bins: (number | null)[]) => widthBucketBins(x, bins),
  },
  {
    name: 'to_base',
    arguments: ['bigint', 'bigint'],
    returns: 'varchar(64)',
    description: 'Convert a number to a string in the given base',
    invoke: (_c, v: Int64, radix: Int64) => big(v).toString(checkRadix(radix)),
  },
  {
    name: 'from_base',
    arguments: ['varchar(x)', 'bigint'],
    returns: 'bigint',
    description: 'Convert a string in the given base to a number',
    invoke: (_c, s: string, radix: Int64) => {
      const r = checkRadix(radix);
      const v = parseLong(s, r);
      if (v === undefined) throw invalidArgument(`Not a valid base-${r} number: ${s}`);
      return int64(v);
    },
  },
  {
    name: 'bitwise_and',
    arguments: ['bigint', 'bigint'],
    returns: 'bigint',
    description: 'Bitwise AND in 2s complement arithmetic',
    invoke: (_c, a: Int64, b: Int64) => asLong(big(a) & big(b)),
  },
  {
    name: 'bitwise_or',
    arguments: ['bigint', 'bigint'],
    returns: 'bigint',
    description: 'Bitwise OR in 2s complement arithmetic',
    invoke: (_c, a: Int64, b: Int64) => asLong(big(a) | big(b)),
  },
  {
    name: 'bitwise_xor',
    arguments: ['bigint', 'bigint'],
    returns: 'bigint',
    description: 'Bitwise XOR in 2s complement arithmetic',
    invoke: (_c, a: Int64, b: Int64) => asLong(big(a) ^ big(b)),
  },
  {
    name: 'bitwise_not',
    arguments: ['bigint'],
    returns: 'bigint',
    description: 'Bitwise NOT in 2s complement arithmetic',
    invoke: (_c, a: Int64) => asLong(~big(a)),
  },
  {
    name: 'bit_count',
    arguments: ['bigint', 'bigint'],
    returns: 'bigint',
    description: 'Count number of set bits in 2s complement representation',
    invoke: (_c, a: Int64, bits: Int64) => bitCount(a, bits),
  },
];
