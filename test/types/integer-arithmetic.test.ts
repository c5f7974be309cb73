import {
  bigintAdd,
  bigintCompare,
  bigintDivide,
  bigintModulus,
  bigintMultiply,
  bigintNegate,
  bigintSubtract,
  doubleToBigint,
  doubleToSmallIntegral,
  integralAdd,
  integralDivide,
  integralModulus,
  integralMultiply,
  integralNegate,
  integralSubtract,
  integralToIntegral,
  normalizeInt64,
  realToBigint,
  realToSmallIntegral,
  type Int64,
  type IntegralKind,
} from '../../src/types';
import { expectTrinoError } from './helpers';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

describe('Int64 normal form', () => {
  test('safe integers are numbers, others bigint', () => {
    expect(normalizeInt64(5n)).toBe(5);
    expect(normalizeInt64(9007199254740991n)).toBe(9007199254740991);
    expect(normalizeInt64(9007199254740992n)).toBe(9007199254740992n);
    expect(normalizeInt64(-9007199254740992n)).toBe(-9007199254740992n);
  });
});

describe('bigint arithmetic (BigintOperators)', () => {
  test.each<[string, (a: Int64, b: Int64) => Int64, Int64, Int64, Int64]>([
    ['+', bigintAdd, 1, 2, 3],
    ['+', bigintAdd, 9007199254740991, 1, 9007199254740992n],
    ['+', bigintAdd, 9007199254740992n, -1, 9007199254740991],
    ['+', bigintAdd, MAX, -1, MAX - 1n],
    ['+', bigintAdd, MIN, MAX, -1],
    ['-', bigintSubtract, MIN + 1n, 1, MIN],
    ['-', bigintSubtract, 0, 9007199254740991, -9007199254740991],
    ['*', bigintMultiply, 4294967295, 2, 8589934590],
    ['*', bigintMultiply, 3037000499, 3037000499, 9223372030926249001n],
    ['*', bigintMultiply, -3, 5, -15],
    ['/', bigintDivide, 7, 2, 3],
    ['/', bigintDivide, -7, 2, -3], // truncates toward zero
    ['/', bigintDivide, 7, -2, -3],
    ['/', bigintDivide, MIN, 2, MIN / 2n],
    ['/', bigintDivide, MAX, MAX, 1],
    ['%', bigintModulus, 7, 3, 1],
    ['%', bigintModulus, -7, 3, -1], // sign of the dividend
    ['%', bigintModulus, 7, -3, 1],
    ['%', bigintModulus, MIN, -1, 0],
    ['%', bigintModulus, MAX, 10, 7],
  ])('%s: %s, %s', (_op, fn, a, b, expected) => {
    const r = fn(a, b);
    expect(r).toBe(expected);
    expect(Object.is(r, -0)).toBe(false);
  });

  test.each<[() => unknown, string, string]>([
    // Trino: "bigint addition overflow: 9223372036854775807 + 1"
    [
      () => bigintAdd(MAX, 1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint addition overflow: 9223372036854775807 + 1',
    ],
    [
      () => bigintAdd(MIN, -1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint addition overflow: -9223372036854775808 + -1',
    ],
    [
      () => bigintSubtract(MIN, 1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint subtraction overflow: -9223372036854775808 - 1',
    ],
    [
      () => bigintMultiply(MAX, 2),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint multiplication overflow: 9223372036854775807 * 2',
    ],
    [
      () => bigintMultiply(4294967296, 4294967296),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint multiplication overflow: 4294967296 * 4294967296',
    ],
    [
      () => bigintDivide(MIN, -1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'bigint division overflow: -9223372036854775808 / -1',
    ],
    [() => bigintDivide(1, 0), 'DIVISION_BY_ZERO', 'Division by zero'],
    [() => bigintDivide(MAX, 0n), 'DIVISION_BY_ZERO', 'Division by zero'],
    [() => bigintModulus(1, 0), 'DIVISION_BY_ZERO', 'Division by zero'],
    [() => bigintNegate(MIN), 'NUMERIC_VALUE_OUT_OF_RANGE', 'bigint negation overflow: -9223372036854775808'],
  ])('%#: %s %s', (fn, code, message) => {
    expectTrinoError(fn, code, message);
  });

  test('negate and compare', () => {
    expect(bigintNegate(5)).toBe(-5);
    expect(Object.is(bigintNegate(0), 0)).toBe(true);
    expect(bigintNegate(MAX)).toBe(-MAX);
    expect(bigintCompare(9007199254740992n, 9007199254740991)).toBe(1);
    expect(bigintCompare(-3, -3)).toBe(0);
    expect(bigintCompare(MIN, 0)).toBe(-1);
  });
});

describe('integer / smallint / tinyint arithmetic', () => {
  test.each<[IntegralKind, string, number, number, number]>([
    ['integer', '+', 2147483646, 1, 2147483647],
    ['integer', '-', -2147483647, 1, -2147483648],
    ['integer', '*', 46340, 46340, 2147395600],
    ['integer', '/', -7, 2, -3],
    ['integer', '%', -7, 2, -1],
    ['smallint', '+', 32766, 1, 32767],
    ['tinyint', '-', -127, 1, -128],
    ['tinyint', '*', -8, 16, -128],
  ])('%s %d %s %d', (kind, op, a, b, expected) => {
    const fn = {
      '+': integralAdd,
      '-': integralSubtract,
      '*': integralMultiply,
      '/': integralDivide,
      '%': integralModulus,
    }[op]!;
    expect(fn(kind, a, b)).toBe(expected);
  });

  test.each<[() => unknown, string, string]>([
    [
      () => integralAdd('integer', 2147483647, 1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'integer addition overflow: 2147483647 + 1',
    ],
    [
      () => integralSubtract('integer', -2147483648, 1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'integer subtraction overflow: -2147483648 - 1',
    ],
    [
      () => integralMultiply('integer', 65536, 65536),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'integer multiplication overflow: 65536 * 65536',
    ],
    [
      () => integralDivide('integer', -2147483648, -1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'integer division overflow: -2147483648 / -1',
    ],
    [
      () => integralNegate('integer', -2147483648),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'integer negation overflow: -2147483648',
    ],
    [
      () => integralAdd('smallint', 32767, 1),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'smallint addition overflow: 32767 + 1',
    ],
    [
      () => integralMultiply('tinyint', 64, 2),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'tinyint multiplication overflow: 64 * 2',
    ],
    [() => integralDivide('integer', 1, 0), 'DIVISION_BY_ZERO', 'Division by zero'],
    [() => integralModulus('smallint', 1, 0), 'DIVISION_BY_ZERO', 'Division by zero'],
  ])('%#: %s %s', (fn, code, message) => {
    expectTrinoError(fn, code, message);
  });
});

describe('integral and floating casts', () => {
  test('narrowing integral casts (IntegerOperators.castToSmallint...)', () => {
    expect(integralToIntegral(32767, 'smallint')).toBe(32767);
    expect(integralToIntegral(2147483648, 'bigint')).toBe(2147483648);
    expectTrinoError(
      () => integralToIntegral(32768, 'smallint'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for smallint: 32768',
    );
    expectTrinoError(
      () => integralToIntegral(MAX, 'integer'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for integer: 9223372036854775807',
    );
    expectTrinoError(
      () => integralToIntegral(-129, 'tinyint'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for tinyint: -129',
    );
  });

  // TestDoubleOperators.testCastToBigint
  test.each<[number, Int64]>([
    [37.7, 38],
    [-37.7, -38],
    [17.1, 17],
    [17.5, 18],
    [-17.5, -18],
    [0.49999999999999994, 0],
    [9.2e18, 9200000000000000000n],
    [-9.2e18, -9200000000000000000n],
    [2.21e9, 2210000000],
    [9223372036854774784, 9223372036854774784n], // Math.nextDown(0x1.0p63)
    [-9223372036854775808, MIN],
  ])('CAST(%s AS bigint) = %s', (x, expected) => {
    expect(doubleToBigint(x)).toBe(expected);
  });

  test.each([9223372036854775808, 9.3e18, -9.3e18, Infinity, -Infinity, NaN])(
    'CAST(%s AS bigint) fails',
    (x) => {
      expectTrinoError(() => doubleToBigint(x), 'INVALID_CAST_ARGUMENT', /^Unable to cast .* to bigint$/);
    },
  );

  test('double → integer/smallint/tinyint', () => {
    expect(doubleToSmallIntegral(2147483647.4, 'integer')).toBe(2147483647);
    expect(doubleToSmallIntegral(-0.4, 'integer')).toBe(0);
    expect(Object.is(doubleToSmallIntegral(-0.4, 'integer'), 0)).toBe(true);
    expectTrinoError(
      () => doubleToSmallIntegral(NaN, 'integer'),
      'INVALID_CAST_ARGUMENT',
      'Cannot cast double NaN to integer',
    );
    expectTrinoError(
      () => doubleToSmallIntegral(2147483647.5, 'integer'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for integer: 2.1474836475E9',
    );
    expectTrinoError(
      () => doubleToSmallIntegral(Infinity, 'smallint'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for smallint: Infinity',
    );
  });

  // TestRealOperators.testCastToBigInt / testCastToTinyint
  test('real → integral', () => {
    expect(realToBigint(754.1985)).toBe(754);
    expect(realToBigint(-754.2008)).toBe(-754);
    expect(realToBigint(1.98)).toBe(2);
    expect(Object.is(realToBigint(-0), 0)).toBe(true);
    expect(realToBigint(1e30)).toBe(MAX); // Java's (long) cast saturates
    expect(realToSmallIntegral(127.45, 'tinyint')).toBe(127);
    expect(realToSmallIntegral(-128.234, 'tinyint')).toBe(-128);
    expect(realToSmallIntegral(9.99, 'smallint')).toBe(10);
    expectTrinoError(() => realToBigint(NaN), 'INVALID_CAST_ARGUMENT', 'Cannot cast real NaN to bigint');
    expectTrinoError(
      () => realToSmallIntegral(NaN, 'tinyint'),
      'INVALID_CAST_ARGUMENT',
      'Cannot cast real NaN to tinyint',
    );
    expectTrinoError(
      () => realToSmallIntegral(128.5, 'tinyint'),
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Out of range for tinyint: 128.5',
    );
  });
});
