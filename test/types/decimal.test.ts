import {
  booleanToDecimal,
  decimalAdd,
  decimalAddType,
  decimalCompare,
  decimalDivide,
  decimalDivideType,
  decimalModulus,
  decimalModulusType,
  decimalMultiply,
  decimalMultiplyType,
  decimalNegate,
  decimalRound,
  decimalRoundType,
  decimalSubtract,
  decimalToBigint,
  decimalToDecimal,
  decimalToDouble,
  decimalToIntegral,
  decimalToReal,
  decimalToString,
  decimalType,
  doubleToDecimal,
  formatType,
  integralToDecimal,
  parseDecimalLiteral,
  realToDecimal,
  varcharToDecimal,
  type DecimalType,
  type DecimalValue,
} from '../../src/types';
import { expectTrinoError } from './helpers';

/**
 * Trino's TestDecimalOperators writes expected results as strings whose digit count is the result
 * precision and whose fraction length is the scale: decimal("0090.6") is decimal(5,1) 90.6.
 */
function expected(text: string): { type: DecimalType; unscaled: bigint } {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [int, frac = ''] = body.split('.');
  const digits = int + frac;
  const unscaled = BigInt(digits || '0');
  return { type: decimalType(digits.length, frac.length), unscaled: negative ? -unscaled : unscaled };
}

function lit(text: string): { type: DecimalType; value: DecimalValue } {
  return parseDecimalLiteral(text);
}

const OPS = {
  '+': decimalAdd,
  '-': decimalSubtract,
  '*': decimalMultiply,
  '/': decimalDivide,
  '%': decimalModulus,
} as const;
const TYPE_OPS = {
  '+': decimalAddType,
  '-': decimalAddType,
  '*': decimalMultiplyType,
  '/': decimalDivideType,
  '%': decimalModulusType,
} as const;

type Op = keyof typeof OPS;

function evaluate(a: string, op: Op, b: string): { type: DecimalType; value: DecimalValue } {
  const x = lit(a);
  const y = lit(b);
  return { type: TYPE_OPS[op](x.type, y.type), value: OPS[op](x.value, x.type, y.value, y.type) };
}

describe('decimal literals (Decimals.parse)', () => {
  test.each<[string, string, string]>([
    ['1.50', 'decimal(3,2)', '1.50'],
    ['0.5', 'decimal(1,1)', '0.5'],
    ['.5', 'decimal(1,1)', '0.5'],
    ['5.', 'decimal(1,0)', '5'],
    ['007', 'decimal(1,0)', '7'],
    ['000', 'decimal(1,0)', '0'],
    ['-0.000', 'decimal(3,3)', '0.000'],
    ['+12.345', 'decimal(5,3)', '12.345'],
    ['1_000.000_1', 'decimal(8,4)', '1000.0001'],
    ['12345678901234567890123456789012345678', 'decimal(38,0)', '12345678901234567890123456789012345678'],
    ['.12345678901234567890123456789012345678', 'decimal(38,38)', '0.12345678901234567890123456789012345678'],
  ])('%s → %s %s', (text, type, printed) => {
    const r = lit(text);
    expect(formatType(r.type)).toBe(type);
    expect(decimalToString(r.value, r.type.scale)).toBe(printed);
    expect(typeof r.value).toBe(r.type.precision <= 15 ? 'number' : 'bigint');
  });

  test('decimal(38,2) 1.50 is held as the bigint 150n', () => {
    const t = decimalType(38, 2);
    expect(varcharToDecimal('1.50', t)).toBe(150n);
    expect(decimalToString(150n, 2)).toBe('1.50');
  });

  test.each([
    '',
    '.',
    '-',
    '+',
    '1.2.3',
    '1e5',
    'abc',
    ' 1',
    '1 ',
    '1__0',
    '_1',
    '1_',
    '0x10',
    '123456789012345678901234567890123456789',
    '--1',
    '١',
  ])('invalid %j → INVALID_LITERAL', (text) => {
    expectTrinoError(() => lit(text), 'INVALID_LITERAL', `'${text}' is not a valid decimal literal`);
  });
});

describe('decimal arithmetic — TestDecimalOperators', () => {
  const cases: [string, Op, string, string][] = [
    // testAdd
    ['137.7', '+', '17.1', '0154.8'],
    ['-1', '+', '-2', '-03'],
    ['1', '+', '2', '03'],
    ['.1234567890123456', '+', '.1234567890123456', '0.2469135780246912'],
    ['-.1234567890123456', '+', '-.1234567890123456', '-0.2469135780246912'],
    ['1234567890123456', '+', '1234567890123456', '02469135780246912'],
    ['12345678901234567890', '+', '-12345678901234567891', '-000000000000000000001'],
    ['999999999999999999', '+', '999999999999999999', '1999999999999999998'],
    ['999999999999999999', '+', '.999999999999999999', '0999999999999999999.999999999999999999'],
    ['123456789012345678901234567890', '+', '.12345678', '123456789012345678901234567890.12345678'],
    ['.12345678', '+', '123456789012345678901234567890', '123456789012345678901234567890.12345678'],
    [
      '17014000000000000000000000000000000000',
      '+',
      '-7014000000000000000000000000000000000.1',
      '9999999999999999999999999999999999999.9',
    ],
    // testSubtract
    ['107.7', '-', '17.1', '0090.6'],
    ['-1', '-', '-2', '01'],
    ['1', '-', '2', '-01'],
    ['-12345678901234567890', '-', '12345678901234567890', '-024691357802469135780'],
    ['999999999999999999', '-', '.999999999999999999', '0999999999999999998.000000000000000001'],
    ['123456789012345678901234567890', '-', '.00000001', '123456789012345678901234567889.99999999'],
    ['12345678', '-', '.000000000000000000000000000001', '12345677.999999999999999999999999999999'],
    // testMultiply
    ['12', '*', '3', '036'],
    ['12', '*', '-3', '-036'],
    ['1234567890123456', '*', '3', '03703703670370368'],
    ['.1234567890123456', '*', '3', '0.3703703670370368'],
    ['.1234567890123456', '*', '.3', '.03703703670370368'],
    ['12345678901234567', '*', '123456789012345670', '01524157875323883455265967556774890'],
    ['-12345678901234567', '*', '-123456789012345670', '01524157875323883455265967556774890'],
    ['12345678901234567890123456789012345678', '*', '3', '37037036703703703670370370367037037034'],
    ['.1234567890123456789', '*', '.1234567890123456789', '.01524157875323883675019051998750190521'],
    // testDivide
    ['1', '/', '3', '0'],
    ['1.0', '/', '3', '0.3'],
    ['1.0', '/', '0.1', '10.0'],
    ['1.0', '/', '9.0', '00.1'],
    ['500.00', '/', '0.1', '5000.00'],
    ['100.00', '/', '0.3', '0333.33'],
    ['100.00', '/', '-0.30', '-00333.33'],
    ['200.00', '/', '0.3', '0666.67'],
    ['200.00000', '/', '-0.3', '-0666.66667'],
    ['999999999999999999', '/', '500000000000000000', '000000000000000002'],
    ['9', '/', '5', '2'],
    ['7', '/', '5', '1'],
    ['-9', '/', '5', '-2'],
    ['-7', '/', '-5', '1'],
    ['9', '/', '-5', '-2'],
    ['10', '/', '.000000001', '10000000000.000000000'],
    ['200000000000000000000000000000000000', '/', '0.30', '666666666666666666666666666666666666.67'],
    ['-.20000000000000000000000000000000000000', '/', '0.30', '-.66666666666666666666666666666666666667'],
    ['500000000000000000000000000000000075', '/', '50', '010000000000000000000000000000000002'],
    ['-500000000000000000000000000000000070', '/', '-50', '010000000000000000000000000000000001'],
    ['0.1', '/', '.0000000000000000001', '1000000000000000000.0000000000000000000'],
    ['9', '/', '000000000000000003.0', '03.0'],
    ['1', '/', '99999999999999999999999999999999999999', '0'],
    [
      '99999999999999999999999999999999999999',
      '/',
      '-11111111111111111111111111111111111111',
      '-00000000000000000000000000000000000009',
    ],
    ['9999999999999999999999.9', '/', '1111111111111111111111.100', '0000000000000000000000009.000'],
    // testModulus
    ['1', '%', '3', '1'],
    ['10.0', '%', '3', '1.0'],
    ['10.0', '%', '3.000', '1.000'],
    ['7', '%', '3.0000000000000000', '1.0000000000000000'],
    ['.1', '%', '.03', '.01'],
    ['.0001', '%', '.03', '.0001'],
    ['-10', '%', '3', '-1'],
    ['10', '%', '-3', '1'],
    ['-10', '%', '-3', '-1'],
    ['7', '%', '3.0000000000000000000000000000000000000', '1.0000000000000000000000000000000000000'],
    ['.01', '%', '3.0000000000000000000000000000000000000', '.0100000000000000000000000000000000000'],
    ['99999999999999999999999999999999999997', '%', '3', '1'],
    ['-99999999999999999999999999999999999997', '%', '3', '-1'],
    ['-7.000000000000000000000000000000000000', '%', '-3', '-1.000000000000000000000000000000000000'],
  ];
  test.each(cases)('%s %s %s = %s', (a, op, b, result) => {
    const r = evaluate(a, op, b);
    const e = expected(result);
    expect(r.type).toEqual(e.type);
    expect(typeof r.value).toBe(e.type.precision <= 15 ? 'number' : 'bigint');
    expect(BigInt(r.value)).toBe(e.unscaled);
  });

  test.each<[string, Op, string, string, string?]>([
    ['99999999999999999999999999999999999999', '+', '1', 'NUMERIC_VALUE_OUT_OF_RANGE', 'Decimal overflow'],
    ['.1', '+', '99999999999999999999999999999999999999', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    [
      '-99999999999999999999999999999999999999',
      '+',
      '-99999999999999999999999999999999999999',
      'NUMERIC_VALUE_OUT_OF_RANGE',
    ],
    // Trino rescales in 128 bits: this overflows although the exact result fits
    [
      '17015000000000000000000000000000000000',
      '+',
      '-7015000000000000000000000000000000000.1',
      'NUMERIC_VALUE_OUT_OF_RANGE',
    ],
    ['-99999999999999999999999999999999999999', '-', '1', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    ['12345678901234567890123456789012345678', '*', '9', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    ['.12345678901234567890123456789012345678', '*', '-9', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    [
      '.1234567890123456789',
      '*',
      '.12345678901234567890',
      'INVALID_FUNCTION_ARGUMENT',
      'DECIMAL scale must be in range [0, precision (38)]: 39',
    ],
    ['12345678901234567890123456789012345678', '/', '.1', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    ['1', '/', '.12345678901234567890123456789012345678', 'NUMERIC_VALUE_OUT_OF_RANGE'],
    ['1', '/', '0', 'DIVISION_BY_ZERO', 'Division by zero'],
    [
      '1.000000000000000000000000000000000000',
      '/',
      '0.0000000000000000000000000000000000000',
      'DIVISION_BY_ZERO',
    ],
    ['1', '%', '0', 'DIVISION_BY_ZERO', 'Division by zero'],
    ['1', '%', '0.0000000000000000000000000000000000000', 'DIVISION_BY_ZERO'],
  ])('%s %s %s → %s', (...[a, op, b, code, message]) => {
    expectTrinoError(() => evaluate(a, op, b), code, message);
  });

  test('CAST(1000 AS DECIMAL(38,8)) / CAST(25 AS DECIMAL(38,8)) = 40.00000000', () => {
    const t = decimalType(38, 8);
    const r = decimalDivide(100000000000n, t, 2500000000n, t);
    expect(decimalToString(r, 8)).toBe('40.00000000');
  });

  test('result types', () => {
    expect(formatType(decimalAddType(decimalType(12, 2), decimalType(10, 0)))).toBe('decimal(13,2)');
    expect(formatType(decimalAddType(decimalType(38, 0), decimalType(38, 10)))).toBe('decimal(38,10)');
    expect(formatType(decimalMultiplyType(decimalType(10, 2), decimalType(5, 3)))).toBe('decimal(15,5)');
    expect(formatType(decimalDivideType(decimalType(10, 2), decimalType(5, 3)))).toBe('decimal(14,3)');
    expect(formatType(decimalModulusType(decimalType(10, 2), decimalType(5, 3)))).toBe('decimal(5,3)');
  });

  test('negate, compare', () => {
    expect(decimalNegate(5)).toBe(-5);
    expect(Object.is(decimalNegate(0), 0)).toBe(true);
    expect(decimalNegate(-12345678901234567890n)).toBe(12345678901234567890n);
    const a = lit('37');
    const b = lit('37.0000000000000000000000000');
    expect(decimalCompare(a.value, a.type, b.value, b.type)).toBe(0);
    const c = lit('-0.000');
    const d = lit('0000.00000');
    expect(decimalCompare(c.value, c.type, d.value, d.type)).toBe(0);
    const e = lit('38.0000000000000000');
    const f = lit('00000000038.0000000000000000000001');
    expect(decimalCompare(e.value, e.type, f.value, f.type)).toBe(-1);
    expect(decimalCompare(f.value, f.type, e.value, e.type)).toBe(1);
  });

  test('round (HALF_UP)', () => {
    const t = decimalType(5, 2);
    expect(formatType(decimalRoundType(t, false))).toBe('decimal(4,0)');
    expect(formatType(decimalRoundType(t, true))).toBe('decimal(6,2)');
    expect(decimalRound(12345, t)).toBe(123); // 123.45 → 123
    expect(decimalRound(12350, t)).toBe(124); // 123.50 → 124
    expect(decimalRound(-12350, t)).toBe(-124);
    expect(decimalRound(12345, t, 1)).toBe(12350); // 123.45 → 123.50
    expect(decimalRound(12345, t, -1)).toBe(12000); // → 120.00
    expect(decimalRound(12345, t, -3)).toBe(0);
    expect(decimalRound(12345, t, 5)).toBe(12345);
  });
});

describe('decimal casts — DecimalCasts / TestDecimalCasts', () => {
  test('decimal → decimal rounds HALF_UP and checks precision', () => {
    expect(decimalToDecimal(12345, decimalType(5, 2), decimalType(4, 1))).toBe(1235); // 123.45 → 123.5
    expect(decimalToDecimal(-12345, decimalType(5, 2), decimalType(4, 1))).toBe(-1235);
    expect(decimalToDecimal(12344, decimalType(5, 2), decimalType(3, 0))).toBe(123);
    expect(decimalToDecimal(150, decimalType(3, 2), decimalType(38, 2))).toBe(150n);
    expect(decimalToDecimal(150n, decimalType(38, 2), decimalType(3, 2))).toBe(150);
    expectTrinoError(
      () => decimalToDecimal(12345, decimalType(5, 2), decimalType(3, 1)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast DECIMAL(5, 2) '123.45' to DECIMAL(3, 1)",
    );
  });

  test('decimal → integral types round HALF_UP', () => {
    expect(decimalToBigint(12345, decimalType(5, 2))).toBe(123);
    expect(decimalToBigint(12350, decimalType(5, 2))).toBe(124);
    expect(decimalToBigint(-12350, decimalType(5, 2))).toBe(-124);
    expect(decimalToBigint(9223372036854775807n, decimalType(19, 0))).toBe(9223372036854775807n);
    expectTrinoError(
      () => decimalToBigint(9223372036854775808n, decimalType(19, 0)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast '9223372036854775808' to BIGINT",
    );
    expect(decimalToIntegral(2147483647, decimalType(10, 0), 'INTEGER')).toBe(2147483647);
    expectTrinoError(
      () => decimalToIntegral(2147483648, decimalType(10, 0), 'INTEGER'),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast '2147483648' to INTEGER",
    );
    expectTrinoError(
      () => decimalToIntegral(32768, decimalType(5, 0), 'SMALLINT'),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast '32768' to SMALLINT",
    );
    expectTrinoError(
      () => decimalToIntegral(1275, decimalType(4, 1), 'TINYINT'),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast '128' to TINYINT",
    );
    expect(decimalToIntegral(1274, decimalType(4, 1), 'TINYINT')).toBe(127);
  });

  test('integral → decimal', () => {
    expect(integralToDecimal(123, decimalType(5, 2))).toBe(12300);
    expect(integralToDecimal(9223372036854775807n, decimalType(38, 0))).toBe(9223372036854775807n);
    expect(integralToDecimal(-1, decimalType(20, 2))).toBe(-100n);
    expectTrinoError(
      () => integralToDecimal(1234, decimalType(5, 2), 'INTEGER'),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast INTEGER '1234' to DECIMAL(5, 2)",
    );
    expectTrinoError(
      () => integralToDecimal(100, decimalType(2, 0)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast BIGINT '100' to DECIMAL(2, 0)",
    );
  });

  test('double/real → decimal use Java shortest digits, HALF_UP', () => {
    expect(doubleToDecimal(1.5, decimalType(2, 1))).toBe(15);
    expect(doubleToDecimal(0.125, decimalType(3, 2))).toBe(13);
    expect(doubleToDecimal(-0.125, decimalType(3, 2))).toBe(-13);
    expect(doubleToDecimal(0.1 + 0.2, decimalType(38, 17))).toBe(30000000000000004n);
    expect(doubleToDecimal(1e20, decimalType(38, 0))).toBe(100000000000000000000n);
    expect(doubleToDecimal(1e-20, decimalType(10, 2))).toBe(0);
    expect(realToDecimal(754.1985, decimalType(10, 4))).toBe(7541985);
    expectTrinoError(
      () => doubleToDecimal(NaN, decimalType(10, 2)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast DOUBLE 'NaN' to DECIMAL(10, 2)",
    );
    expectTrinoError(
      () => doubleToDecimal(Infinity, decimalType(10, 2)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast DOUBLE 'Infinity' to DECIMAL(10, 2)",
    );
    expectTrinoError(
      () => doubleToDecimal(1000, decimalType(3, 1)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast DOUBLE '1000.0' to DECIMAL(3, 1)",
    );
    expectTrinoError(
      () => doubleToDecimal(1e300, decimalType(38, 0)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast DOUBLE '1.0E300' to DECIMAL(38, 0)",
    );
    expectTrinoError(
      () => realToDecimal(NaN, decimalType(10, 2)),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast REAL 'NaN' to DECIMAL(10, 2)",
    );
  });

  test('decimal → double/real', () => {
    expect(decimalToDouble(12345, decimalType(5, 2))).toBe(123.45);
    expect(decimalToDouble(12345678901234567890123456789012345678n, decimalType(38, 10))).toBe(
      Number('1234567890123456789012345678.9012345678'),
    );
    expect(decimalToDouble(1n, decimalType(38, 38))).toBe(1e-38);
    expect(decimalToReal(12345, decimalType(5, 2))).toBe(Math.fround(123.45));
  });

  test('varchar → decimal (BigDecimal syntax)', () => {
    const t = decimalType(10, 2);
    expect(varcharToDecimal('1.5', t)).toBe(150);
    expect(varcharToDecimal('-1.555', t)).toBe(-156);
    expect(varcharToDecimal('1.554', t)).toBe(155);
    expect(varcharToDecimal('.5', t)).toBe(50);
    expect(varcharToDecimal('5.', t)).toBe(500);
    expect(varcharToDecimal('+1e3', t)).toBe(100000);
    expect(varcharToDecimal('12E-3', t)).toBe(1);
    expect(varcharToDecimal('1e-999999', t)).toBe(0);
    expect(varcharToDecimal('0.001', decimalType(2, 2))).toBe(0);
    expectTrinoError(
      () => varcharToDecimal('abc', t),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast VARCHAR 'abc' to DECIMAL(10, 2). Value is not a number.",
    );
    expectTrinoError(
      () => varcharToDecimal(' 1', t),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast VARCHAR ' 1' to DECIMAL(10, 2). Value is not a number.",
    );
    expectTrinoError(
      () => varcharToDecimal('123456789', t),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast VARCHAR '123456789' to DECIMAL(10, 2). Value too large.",
    );
    expectTrinoError(
      () => varcharToDecimal('1e999999', t),
      'INVALID_CAST_ARGUMENT',
      "Cannot cast VARCHAR '1e999999' to DECIMAL(10, 2). Value too large.",
    );
  });

  test('boolean ↔ decimal', () => {
    expect(booleanToDecimal(true, decimalType(5, 2))).toBe(100);
    expect(booleanToDecimal(false, decimalType(20, 2))).toBe(0n);
    expectTrinoError(() => booleanToDecimal(true, decimalType(1, 1)), 'INVALID_CAST_ARGUMENT');
  });
});
