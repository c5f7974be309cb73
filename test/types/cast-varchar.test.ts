import {
  BIGINT,
  BOOLEAN,
  castFromVarchar,
  castToVarchar,
  checkValue,
  charType,
  DATE,
  decimalType,
  DOUBLE,
  INTEGER,
  JSON_TYPE,
  REAL,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  UUID,
  VARBINARY,
  VARCHAR,
  varcharType,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  type SqlType,
  formatType,
} from '../../src/types';
import { expectTrinoError } from './helpers';

describe('CAST(x AS varchar)', () => {
  test.each<[unknown, SqlType, string]>([
    [true, BOOLEAN, 'true'],
    [false, BOOLEAN, 'false'],
    [-128, TINYINT, '-128'],
    [2147483647, INTEGER, '2147483647'],
    [-9223372036854775808n, BIGINT, '-9223372036854775808'],
    [1.5, DOUBLE, '1.5E0'],
    [Math.fround(754.1985), REAL, '7.541985E2'],
    [150n, decimalType(38, 2), '1.50'],
    [-5, decimalType(3, 2), '-0.05'],
    [0, decimalType(3, 2), '0.00'],
    [12, decimalType(2, 0), '12'],
    ['ab', charType(5), 'ab   '],
    ['', charType(2), '  '],
    [0, DATE, '1970-01-01'],
    [18262, DATE, '2020-01-01'],
    [3723456000000, timeType(3), '01:02:03.456'],
    [1577836800123456, timestampType(6), '2020-01-01 00:00:00.123456'],
    [1577836800123000, timestampType(3), '2020-01-01 00:00:00.123'],
    [
      { epochMillis: 0, picosOfMilli: 0, timeZone: 'Asia/Kathmandu' },
      timestampWithTimeZoneType(3),
      '1970-01-01 05:30:00.000 Asia/Kathmandu',
    ],
    [{ time: 0, offsetMinutes: 330 }, timeWithTimeZoneType(0), '00:00:00+05:30'],
    [14, INTERVAL_YEAR_TO_MONTH, '1-2'],
    [273906789, INTERVAL_DAY_TO_SECOND, '3 04:05:06.789'],
    ['"abc"', JSON_TYPE, 'abc'],
    ['123', JSON_TYPE, '123'],
    ['1.5', JSON_TYPE, '1.5E0'],
    ['true', JSON_TYPE, 'true'],
    ['12345678-90ab-cdef-1234-567890abcdef', UUID, '12345678-90ab-cdef-1234-567890abcdef'],
  ])('%j as %j', (value, type, text) => {
    expect(castToVarchar(value, type)).toBe(text);
  });

  test('bounded varchar: non-string values must fit — TestDoubleOperators / TestDate', () => {
    expect(castToVarchar(1200, DOUBLE, 5)).toBe('1.2E3');
    expectTrinoError(
      () => castToVarchar(1200, DOUBLE, 4),
      'INVALID_CAST_ARGUMENT',
      'Value 1200.0 (1.2E3) cannot be represented as varchar(4)',
    );
    expectTrinoError(
      () => castToVarchar(0, DOUBLE, 2),
      'INVALID_CAST_ARGUMENT',
      'Value 0.0 (0E0) cannot be represented as varchar(2)',
    );
    expectTrinoError(
      () => castToVarchar(-0, DOUBLE, 3),
      'INVALID_CAST_ARGUMENT',
      'Value -0.0 (-0E0) cannot be represented as varchar(3)',
    );
    expectTrinoError(
      () => castToVarchar(NaN, DOUBLE, 2),
      'INVALID_CAST_ARGUMENT',
      'Value NaN (NaN) cannot be represented as varchar(2)',
    );
    expectTrinoError(
      () => castToVarchar(Infinity, REAL, 7),
      'INVALID_CAST_ARGUMENT',
      'Value Infinity (Infinity) cannot be represented as varchar(7)',
    );
    expectTrinoError(
      () => castToVarchar(1200, REAL, 4),
      'INVALID_CAST_ARGUMENT',
      'Value 1200.0 (1.2E3) cannot be represented as varchar(4)',
    );
    expect(castToVarchar(18295, DATE, 10)).toBe('2020-02-03');
    expectTrinoError(
      () => castToVarchar(15738, DATE, 9),
      'INVALID_CAST_ARGUMENT',
      'Value 2013-02-02 cannot be represented as varchar(9)',
    );
    expectTrinoError(
      () => castToVarchar(12345, INTEGER, 4),
      'INVALID_CAST_ARGUMENT',
      'Value 12345 cannot be represented as varchar(4)',
    );
    expectTrinoError(
      () => castToVarchar(12345, decimalType(5, 2), 5),
      'INVALID_CAST_ARGUMENT',
      'Value 123.45 cannot be represented as varchar(5)',
    );
    expectTrinoError(
      () => castToVarchar(true, BOOLEAN, 3),
      'INVALID_CAST_ARGUMENT',
      'Value true cannot be represented as varchar(3)',
    );
  });

  test('bounded varchar: strings are truncated (in code points)', () => {
    expect(castToVarchar('abcdef', VARCHAR, 3)).toBe('abc');
    expect(castToVarchar('😀😀x', VARCHAR, 2)).toBe('😀😀');
    expect(castToVarchar('ab', charType(5), 3)).toBe('ab ');
    expect(castToVarchar('abcde', charType(5), 3)).toBe('abc');
    expect(castToVarchar('ab', charType(3), 10)).toBe('ab ');
  });

  test('types without a varchar form', () => {
    expectTrinoError(() => castToVarchar(new Uint8Array([1]), VARBINARY), 'INVALID_CAST_ARGUMENT');
    expectTrinoError(() => castToVarchar('[1,2]', JSON_TYPE), 'INVALID_CAST_ARGUMENT');
    expectTrinoError(() => castToVarchar('{"a":1}', JSON_TYPE), 'INVALID_CAST_ARGUMENT');
  });
});

describe('CAST(varchar AS x)', () => {
  test.each<[string, SqlType, unknown]>([
    // VarcharOperators.castToBoolean
    ['t', BOOLEAN, true],
    ['TRUE', BOOLEAN, true],
    ['1', BOOLEAN, true],
    ['F', BOOLEAN, false],
    ['false', BOOLEAN, false],
    ['0', BOOLEAN, false],
    // Long.parseLong(trim())
    [' 12 ', BIGINT, 12],
    ['+12', BIGINT, 12],
    ['-9223372036854775808', BIGINT, -9223372036854775808n],
    ['9007199254740993', BIGINT, 9007199254740993n],
    ['2147483647', INTEGER, 2147483647],
    ['-32768', SMALLINT, -32768],
    ['127', TINYINT, 127],
    // Double.parseDouble(trim())
    ['37.7', DOUBLE, 37.7],
    ['  1e3 ', DOUBLE, 1000],
    ['NaN', DOUBLE, NaN],
    ['-Infinity', DOUBLE, -Infinity],
    ['1.5d', DOUBLE, 1.5],
    ['2f', DOUBLE, 2],
    ['.5', DOUBLE, 0.5],
    ['5.', DOUBLE, 5],
    ['0x1p4', DOUBLE, 16],
    ['0x1.8p1', DOUBLE, 3],
    ['754.1985', REAL, Math.fround(754.1985)],
    ['1.50', decimalType(38, 2), 150n],
    ['1.005', decimalType(3, 2), 101],
    ['abc', VARCHAR, 'abc'],
    ['abcdef', varcharType(3), 'abc'],
    ['ab   ', charType(5), 'ab'],
    ['abcdef', charType(3), 'abc'],
    ['a b ', charType(3), 'a b'],
    ['abc', JSON_TYPE, '"abc"'],
    ['a"b\n', JSON_TYPE, '"a\\"b\\n"'],
    ['12345678-90AB-CDEF-1234-567890ABCDEF', UUID, '12345678-90ab-cdef-1234-567890abcdef'],
    [' 2020-01-01 ', DATE, 18262],
    ['13-2-2', DATE, -714747],
    ['01:02:03.456', timeType(3), 3723456000000],
    ['01:02:03.4567', timeType(3), 3723457000000], // rounded half up
    ['23:59:59.9999', timeType(3), 0], // rounds past midnight and wraps
    ['01:02:03.456', timeType(12), 3723456000000000n],
    ['2020-01-01 00:00:00.1234567', timestampType(6), 1577836800123457],
    ['2020-01-01 00:00:00.5', timestampType(0), 1577836801000000],
    ['2020-01-01', timestampType(3), 1577836800000000],
    [
      '2020-01-01 00:00:00.123456789',
      timestampType(9),
      { epochMicros: 1577836800123456, picosOfMicro: 789000 },
    ],
    [
      '2020-01-01 00:00:00 UTC',
      timestampWithTimeZoneType(3),
      { epochMillis: 1577836800000, picosOfMilli: 0, timeZone: 'UTC' },
    ],
    [
      '2020-01-01 00:00:00',
      timestampWithTimeZoneType(0),
      { epochMillis: 1577854800000, picosOfMilli: 0, timeZone: 'America/New_York' },
    ],
    ['10:00', timeWithTimeZoneType(0), { time: 36000000000000, offsetMinutes: -300 }],
    ['10:00+01:00', timeWithTimeZoneType(0), { time: 36000000000000, offsetMinutes: 60 }],
  ])('%j as %j', (text, type, expected) => {
    const actual = castFromVarchar(text, type, {
      timeZone: 'America/New_York',
      startEpochMillis: Date.UTC(2020, 0, 15),
    });
    expect(checkValue(actual, type)).toBeUndefined();
    if (typeof expected === 'number' && Number.isNaN(expected)) expect(actual).toBeNaN();
    else if (typeof expected === 'object' && expected !== null) expect(actual).toEqual(expected);
    else expect(actual).toBe(expected);
  });

  test('varbinary gets the UTF-8 bytes', () => {
    expect(castFromVarchar('hé', VARBINARY)).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
  });

  test.each<[string, SqlType, string]>([
    ['abc', BOOLEAN, "Cannot cast 'abc' to BOOLEAN"],
    [' true', BOOLEAN, "Cannot cast ' true' to BOOLEAN"],
    ['yes', BOOLEAN, "Cannot cast 'yes' to BOOLEAN"],
    ['abc', BIGINT, "Cannot cast 'abc' to BIGINT"],
    ['9223372036854775808', BIGINT, "Cannot cast '9223372036854775808' to BIGINT"],
    ['1.0', BIGINT, "Cannot cast '1.0' to BIGINT"],
    ['', BIGINT, "Cannot cast '' to BIGINT"],
    ['1_000', BIGINT, "Cannot cast '1_000' to BIGINT"],
    ['2147483648', INTEGER, "Cannot cast '2147483648' to INT"],
    ['32768', SMALLINT, "Cannot cast '32768' to SMALLINT"],
    ['128', TINYINT, "Cannot cast '128' to TINYINT"],
    ['abc', DOUBLE, "Cannot cast 'abc' to DOUBLE"],
    ['1e', DOUBLE, "Cannot cast '1e' to DOUBLE"],
    ['0x10', DOUBLE, "Cannot cast '0x10' to DOUBLE"],
    ['inf', DOUBLE, "Cannot cast 'inf' to DOUBLE"],
    ['', REAL, "Cannot cast '' to REAL"],
    ['x', decimalType(10, 2), "Cannot cast VARCHAR 'x' to DECIMAL(10, 2). Value is not a number."],
    ['2020-02-30', DATE, 'Value cannot be cast to date: 2020-02-30'],
    ['today', DATE, 'Value cannot be cast to date: today'],
    ['25:00', timeType(3), 'Value cannot be cast to time: 25:00'],
    ['10:00+01:00', timeType(3), 'Value cannot be cast to time: 10:00+01:00'],
    ['10:00:00.1234567890123', timeType(3), 'Value cannot be cast to time: 10:00:00.1234567890123'],
    [
      '2020-01-01 00:00:00 UTC',
      timestampType(3),
      'Value cannot be cast to timestamp: 2020-01-01 00:00:00 UTC',
    ],
    ['2020-01-01 25:00:00', timestampType(3), 'Value cannot be cast to timestamp: 2020-01-01 25:00:00'],
    [
      '2020-03-08 02:30:00 America/New_York',
      timestampWithTimeZoneType(3),
      'Value cannot be cast to timestamp with time zone: 2020-03-08 02:30:00 America/New_York',
    ],
    [
      '2020-01-01 00:00:00 Nowhere/Land',
      timestampWithTimeZoneType(3),
      'Value cannot be cast to timestamp with time zone: 2020-01-01 00:00:00 Nowhere/Land',
    ],
    ['not-a-uuid', UUID, 'Cannot cast value to UUID: not-a-uuid'],
    [
      '12345678-90ab-cdef-1234-567890abcdefa',
      UUID,
      'Cannot cast value to UUID: 12345678-90ab-cdef-1234-567890abcdefa',
    ],
  ])('%j as %j → INVALID_CAST_ARGUMENT', (text, type, message) => {
    expectTrinoError(() => castFromVarchar(text, type), 'INVALID_CAST_ARGUMENT', message);
  });

  test('types with no cast from varchar', () => {
    expectTrinoError(
      () => castFromVarchar('1-2', INTERVAL_YEAR_TO_MONTH),
      'INVALID_CAST_ARGUMENT',
      `Cannot cast varchar to ${formatType(INTERVAL_YEAR_TO_MONTH)}`,
    );
  });
});
