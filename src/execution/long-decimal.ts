/**
 * Long decimals (precision > 15) inside generated code.
 *
 * Their canonical value is always a bigint (src/types/values.ts), but nearly every real value is a
 * safe integer. Generated code therefore holds a long decimal in the *normalized* form that Int64
 * uses: a number when the unscaled value is a safe integer, else a bigint. Normalized values compare
 * correctly with `===` and `<`, blocks of them stay Float64Arrays (`bigintValues` NumberBlocks), and
 * the kernels below take a float64 fast path that is exact: a product or sum of safe integers whose
 * float result is still a safe integer is the exact result (rounding is monotonic, so an exact
 * result beyond 2^53 - 1 never rounds back into the safe range). Anything else falls back to the
 * bigint kernels of src/types/decimal.ts, which keep Trino's overflow rules.
 */
import {
  decimalAdd,
  decimalDivide,
  decimalModulus,
  decimalMultiply,
  decimalSubtract,
  type DecimalType,
  type DecimalValue,
} from '../types';

const MIN_SAFE = -9007199254740991n;
const MAX_SAFE = 9007199254740991n;

/** Whether generated code holds values of this type in the normalized number-or-bigint form. */
export function isLongDecimal(t: { kind: string; precision?: number }): t is DecimalType {
  return t.kind === 'decimal' && (t as DecimalType).precision > 15;
}

/** The normalized form of a long decimal's unscaled value. */
export function normalizeLong(v: DecimalValue): DecimalValue {
  if (typeof v === 'number') return v;
  return v >= MIN_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

/** The canonical (bigint) form of a normalized long decimal. */
export function canonicalLong(v: DecimalValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

type Kernel = (x: DecimalValue, y: DecimalValue) => DecimalValue;

/**
 * `x op y` for decimal operands of types `lt` and `rt` whose result type is a long decimal; the
 * operands may be short decimals (numbers) or normalized long ones; the result is normalized.
 * A safe result cannot overflow: the result precision is at least 16 digits, and 2^53 < 10^16.
 */
export function longDecimalArithmetic(
  op: 'add' | 'subtract' | 'multiply' | 'divide' | 'modulus',
  lt: DecimalType,
  rt: DecimalType,
  result: DecimalType,
): Kernel {
  switch (op) {
    case 'add':
    case 'subtract': {
      // 10^k is exact as a double for k <= 22; a larger factor times a nonzero value is unsafe
      const fa = 10 ** (result.scale - lt.scale);
      const fb = 10 ** (result.scale - rt.scale);
      const slow = op === 'add' ? decimalAdd : decimalSubtract;
      if (op === 'add') {
        return (x, y) => {
          if (typeof x === 'number' && typeof y === 'number') {
            const a = x * fa;
            const b = y * fb;
            const r = a + b;
            if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(r)) return r + 0;
          }
          return normalizeLong(slow(x, lt, y, rt));
        };
      }
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          const a = x * fa;
          const b = y * fb;
          const r = a - b;
          if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(r)) return r + 0;
        }
        return normalizeLong(slow(x, lt, y, rt));
      };
    }
    case 'multiply':
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x * y;
          if (Number.isSafeInteger(r)) return r + 0;
        }
        return normalizeLong(decimalMultiply(x, lt, y, rt));
      };
    case 'divide':
      return (x, y) => normalizeLong(decimalDivide(x, lt, y, rt));
    case 'modulus':
      return (x, y) => normalizeLong(decimalModulus(x, lt, y, rt));
  }
}
