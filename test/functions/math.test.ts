// Expected values: trino.io/docs functions/math.html and Trino's TestMathFunctions.
import { big, dbl, evaluate, expectError, int, NULL, str, t, typeOf, v, type Arg } from './helpers';

type Case = [string, Arg[], string, string]; // function, args, result type, rendered result

describe('math functions', () => {
  test.each<Case>([
    ['abs', [v('tinyint', -123)], 'tinyint', '123'],
    ['abs', [v('smallint', -123)], 'smallint', '123'],
    ['abs', [int(-123)], 'integer', '123'],
    ['abs', [big(-123)], 'bigint', '123'],
    ['abs', [big(-9223372036854775807n)], 'bigint', '9223372036854775807'],
    ['abs', [dbl(-123.0)], 'double', '123.0'],
    ['abs', [v('real', -12.5)], 'real', '12.5'],
    ['abs', [t('decimal(5,2)', '-123.45')], 'decimal(5,2)', '123.45'],
    [
      'abs',
      [t('decimal(25,5)', '-12345678901234567890.12345')],
      'decimal(25,5)',
      '12345678901234567890.12345',
    ],
    ['abs', [NULL], 'tinyint', 'NULL'],
    ['ceiling', [t('decimal(5,2)', '123.45')], 'decimal(4,0)', '124'],
    ['ceiling', [t('decimal(5,2)', '-123.45')], 'decimal(4,0)', '-123'],
    ['ceil', [dbl(-42.8)], 'double', '-42.0'],
    ['ceil', [v('real', 1.5)], 'real', '2.0'],
    ['ceil', [int(7)], 'integer', '7'],
    ['ceiling', [t('decimal(2,2)', '0.01')], 'decimal(1,0)', '1'],
    ['floor', [t('decimal(5,2)', '-123.45')], 'decimal(4,0)', '-124'],
    ['floor', [t('decimal(20,2)', '-12345678901234567.89')], 'decimal(19,0)', '-12345678901234568'],
    ['floor', [dbl(-42.8)], 'double', '-43.0'],
    ['round', [dbl(3.5)], 'double', '4.0'],
    ['round', [dbl(-3.5)], 'double', '-4.0'],
    ['round', [dbl(-3.499999)], 'double', '-3.0'],
    ['round', [dbl(2.5)], 'double', '3.0'],
    ['round', [dbl(0.49999999999999994)], 'double', '0.0'],
    ['round', [dbl(NaN)], 'double', 'NaN'],
    ['round', [dbl(1.0e20)], 'double', '1.0E20'],
    ['round', [dbl(3.14159), int(2)], 'double', '3.14'],
    ['round', [dbl(-3.14159), int(3)], 'double', '-3.142'],
    ['round', [dbl(1234.5), int(-2)], 'double', '1200.0'],
    ['round', [t('decimal(2,1)', '3.5')], 'decimal(2,0)', '4'],
    ['round', [t('decimal(2,1)', '-3.5')], 'decimal(2,0)', '-4'],
    ['round', [t('decimal(3,2)', '9.99'), int(1)], 'decimal(4,2)', '10.00'],
    ['round', [t('decimal(5,2)', '123.45'), int(-1)], 'decimal(6,2)', '120.00'],
    ['round', [t('decimal(3,1)', '99.9'), int(-2)], 'decimal(4,1)', '0.0'],
    ['round', [int(15), int(-1)], 'integer', '20'],
    ['round', [int(-15), int(-1)], 'integer', '-20'],
    ['round', [big(9), int(2)], 'bigint', '9'],
    ['truncate', [dbl(-1.9)], 'double', '-1.0'],
    ['truncate', [t('decimal(8,4)', '-1234.5678')], 'decimal(4,0)', '-1234'],
    ['truncate', [t('decimal(8,4)', '-1234.5678'), int(2)], 'decimal(8,4)', '-1234.5600'],
    ['truncate', [t('decimal(8,4)', '1234.5678'), int(-2)], 'decimal(8,4)', '1200.0000'],
    ['sign', [t('decimal(4,2)', '-12.34')], 'decimal(1,0)', '-1'],
    ['sign', [big(0)], 'bigint', '0'],
    ['sign', [dbl(-0.5)], 'double', '-1.0'],
    ['sign', [dbl(NaN)], 'double', 'NaN'],
    ['sqrt', [dbl(4)], 'double', '2.0'],
    ['sqrt', [int(-1)], 'double', 'NaN'],
    ['cbrt', [dbl(27)], 'double', '3.0'],
    ['exp', [dbl(0)], 'double', '1.0'],
    ['ln', [dbl(1)], 'double', '0.0'],
    ['ln', [dbl(0)], 'double', '-Infinity'],
    ['log2', [dbl(8)], 'double', '3.0'],
    ['log10', [dbl(1000)], 'double', '3.0'],
    ['log', [dbl(2), dbl(64)], 'double', '6.0'],
    ['power', [int(2), int(10)], 'double', '1024.0'],
    ['pow', [dbl(-8), dbl(1 / 3)], 'double', 'NaN'],
    ['degrees', [dbl(Math.PI)], 'double', '180.0'],
    ['radians', [dbl(180)], 'double', '3.141592653589793'],
    ['pi', [], 'double', '3.141592653589793'],
    ['e', [], 'double', '2.718281828459045'],
    ['sin', [dbl(0)], 'double', '0.0'],
    ['cos', [dbl(0)], 'double', '1.0'],
    ['atan2', [dbl(1), dbl(1)], 'double', '0.7853981633974483'],
    ['tanh', [dbl(0)], 'double', '0.0'],
    ['mod', [int(10), int(3)], 'integer', '1'],
    ['mod', [int(-10), int(3)], 'integer', '-1'],
    ['mod', [big(-9223372036854775808n), big(-1)], 'bigint', '0'],
    ['mod', [dbl(5.5), dbl(2)], 'double', '1.5'],
    ['mod', [t('decimal(3,1)', '13.5'), t('decimal(1,0)', '3')], 'decimal(2,1)', '1.5'],
    ['mod', [dbl(1), dbl(0)], 'double', 'NaN'],
    ['is_nan', [dbl(NaN)], 'boolean', 'true'],
    ['is_nan', [int(1)], 'boolean', 'false'],
    ['is_finite', [dbl(Infinity)], 'boolean', 'false'],
    ['is_infinite', [dbl(-Infinity)], 'boolean', 'true'],
    ['nan', [], 'double', 'NaN'],
    ['infinity', [], 'double', 'Infinity'],
    ['width_bucket', [dbl(3.14), dbl(0), dbl(4), big(3)], 'bigint', '3'],
    ['width_bucket', [dbl(2), dbl(0), dbl(4), big(3)], 'bigint', '2'],
    ['width_bucket', [dbl(Infinity), dbl(0), dbl(4), big(3)], 'bigint', '4'],
    ['width_bucket', [dbl(-1), dbl(0), dbl(3.2), big(4)], 'bigint', '0'],
    ['width_bucket', [dbl(3.14), dbl(4), dbl(0), big(3)], 'bigint', '1'],
    ['width_bucket', [dbl(2), dbl(4), dbl(0), big(3)], 'bigint', '2'],
    ['width_bucket', [dbl(3.14), v('array(double)', [0, 2, 4])], 'bigint', '2'],
    ['width_bucket', [dbl(5), v('array(double)', [1, 2, 3, 4])], 'bigint', '4'],
    ['width_bucket', [dbl(-1), v('array(double)', [1, 2, 3, 4])], 'bigint', '0'],
    ['to_base', [big(2147483648), big(16)], 'varchar(64)', '80000000'],
    ['to_base', [big(-2147483648), big(16)], 'varchar(64)', '-80000000'],
    ['to_base', [big(255), big(2)], 'varchar(64)', '11111111'],
    ['from_base', [str('80000000'), big(16)], 'bigint', '2147483648'],
    ['from_base', [str('-7FFFFFFF'), big(16)], 'bigint', '-2147483647'],
    ['from_base', [str('11111111'), big(2)], 'bigint', '255'],
    ['from_base', [str('9223372036854775807'), big(10)], 'bigint', '9223372036854775807'],
    ['bitwise_and', [big(19), big(25)], 'bigint', '17'],
    ['bitwise_or', [big(19), big(25)], 'bigint', '27'],
    ['bitwise_xor', [big(19), big(25)], 'bigint', '10'],
    ['bitwise_not', [big(0)], 'bigint', '-1'],
    ['bitwise_not', [big(-9223372036854775808n)], 'bigint', '9223372036854775807'],
    ['bit_count', [big(9), big(64)], 'bigint', '2'],
    ['bit_count', [big(-7), big(64)], 'bigint', '62'],
    ['bit_count', [big(-7), big(8)], 'bigint', '6'],
    ['bitwise_left_shift', [int(1), big(2)], 'integer', '4'],
    ['bitwise_right_shift', [v('tinyint', -8), big(1)], 'tinyint', '124'],
    ['bitwise_right_shift_arithmetic', [big(-8), big(1)], 'bigint', '-4'],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('random is non-deterministic and in range', () => {
    for (let i = 0; i < 50; i++) {
      const r = Number(evaluate('random'));
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
      const n = Number(evaluate('rand', int(10)));
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(10);
      const m = Number(evaluate('random', big(-5), big(5)));
      expect(m).toBeGreaterThanOrEqual(-5);
      expect(m).toBeLessThan(5);
    }
    expect(typeOf('random', v('smallint', 3))).toBe('smallint');
  });

  test.each<[string, Arg[], string, string]>([
    [
      'abs',
      [v('tinyint', -128)],
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Value -128 is out of range for abs(tinyint)',
    ],
    [
      'abs',
      [v('smallint', -32768)],
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Value -32768 is out of range for abs(smallint)',
    ],
    [
      'abs',
      [int(-2147483648)],
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Value -2147483648 is out of range for abs(integer)',
    ],
    [
      'abs',
      [big(-9223372036854775808n)],
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'Value -9223372036854775808 is out of range for abs(bigint)',
    ],
    ['mod', [int(5), int(0)], 'DIVISION_BY_ZERO', 'Division by zero'],
    ['mod', [big(5), big(0)], 'DIVISION_BY_ZERO', 'Division by zero'],
    ['mod', [t('decimal(2,1)', '1.5'), t('decimal(2,1)', '0.0')], 'DIVISION_BY_ZERO', 'Division by zero'],
    ['round', [v('tinyint', 127), int(-1)], 'NUMERIC_VALUE_OUT_OF_RANGE', 'Out of range for tinyint: 130'],
    [
      'round',
      [big(9223372036854775807n), int(-1)],
      'NUMERIC_VALUE_OUT_OF_RANGE',
      'numerical overflow: 9223372036854775807',
    ],
    ['to_base', [big(1), big(37)], 'INVALID_FUNCTION_ARGUMENT', 'Radix must be between 2 and 36'],
    ['from_base', [str('1'), big(1)], 'INVALID_FUNCTION_ARGUMENT', 'Radix must be between 2 and 36'],
    [
      'from_base',
      [str('9223372036854775808'), big(10)],
      'INVALID_FUNCTION_ARGUMENT',
      'Not a valid base-10 number: 9223372036854775808',
    ],
    ['from_base', [str('12x'), big(16)], 'INVALID_FUNCTION_ARGUMENT', 'Not a valid base-16 number: 12x'],
    ['from_base', [str(''), big(16)], 'INVALID_FUNCTION_ARGUMENT', 'Not a valid base-16 number: '],
    [
      'width_bucket',
      [dbl(1), dbl(0), dbl(4), big(0)],
      'INVALID_FUNCTION_ARGUMENT',
      'bucketCount must be greater than 0',
    ],
    [
      'width_bucket',
      [dbl(NaN), dbl(0), dbl(4), big(3)],
      'INVALID_FUNCTION_ARGUMENT',
      'operand must not be NaN',
    ],
    [
      'width_bucket',
      [dbl(1), dbl(NaN), dbl(4), big(3)],
      'INVALID_FUNCTION_ARGUMENT',
      'first bound must be finite',
    ],
    [
      'width_bucket',
      [dbl(1), dbl(0), dbl(Infinity), big(3)],
      'INVALID_FUNCTION_ARGUMENT',
      'second bound must be finite',
    ],
    [
      'width_bucket',
      [dbl(1), dbl(4), dbl(4), big(3)],
      'INVALID_FUNCTION_ARGUMENT',
      'bounds cannot equal each other',
    ],
    [
      'width_bucket',
      [dbl(1), v('array(double)', [])],
      'INVALID_FUNCTION_ARGUMENT',
      'Bins cannot be an empty array',
    ],
    [
      'width_bucket',
      [dbl(1), v('array(double)', [3, 2, 1])],
      'INVALID_FUNCTION_ARGUMENT',
      'Bin values are not sorted in ascending order',
    ],
    ['random', [int(0)], 'INVALID_FUNCTION_ARGUMENT', 'bound must be positive'],
    ['random', [int(5), int(5)], 'INVALID_FUNCTION_ARGUMENT', 'start value must be less than stop value'],
    [
      'bit_count',
      [big(1), big(65)],
      'INVALID_FUNCTION_ARGUMENT',
      'Bits specified in bit_count must be between 2 and 64, got 65',
    ],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
